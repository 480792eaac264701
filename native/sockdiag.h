// Helpers shared by sockdiag.c (dumps, owners, destroy) and socktable.c (the diffing scan).
#ifndef PORTSCOPE_SOCKDIAG_H
#define PORTSCOPE_SOCKDIAG_H

#include <errno.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <node_api.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

static inline void put16(uint8_t *p, uint16_t v) {
  p[0] = v & 0xff;
  p[1] = v >> 8;
}

static inline void put32(uint8_t *p, uint32_t v) {
  p[0] = v & 0xff;
  p[1] = (v >> 8) & 0xff;
  p[2] = (v >> 16) & 0xff;
  p[3] = v >> 24;
}

static inline void put64(uint8_t *p, uint64_t v) {
  put32(p, (uint32_t)v);
  put32(p + 4, (uint32_t)(v >> 32));
}

/** Throws an Error whose `code` is the errno name, so JS can decide (fall back, explain). */
static inline napi_value throw_errno(napi_env env, int err) {

  const char *code = err == EACCES ? "EACCES" : err == EPERM ? "EPERM" : err == ENOENT ? "ENOENT" : err == EINVAL ? "EINVAL" : err == EPROTONOSUPPORT ? "EPROTONOSUPPORT" : err == ENOMEM ? "ENOMEM" : err == EOPNOTSUPP ? "EOPNOTSUPP" : "EIO";
  napi_throw_error(env, code, strerror(err));
  return NULL;
}

/** A sock_diag request (SOCK_DIAG_BY_FAMILY dumps, SOCK_DESTROY) as the kernel reads it. */
typedef struct {
  struct nlmsghdr nlh;
  struct inet_diag_req_v2 req;
} diag_request_t;

/** Zeroes *msg and fills the header and the family/protocol/all-states selection. */
static inline void diag_request_init(diag_request_t *msg, uint16_t type, uint16_t flags, uint8_t family, uint8_t protocol) {
  memset(msg, 0, sizeof *msg);
  msg->nlh.nlmsg_len = sizeof *msg;
  msg->nlh.nlmsg_type = type;
  msg->nlh.nlmsg_flags = flags;
  msg->nlh.nlmsg_seq = 1;
  msg->req.sdiag_family = family;
  msg->req.sdiag_protocol = protocol;
  msg->req.idiag_states = ~0U;
}

/** Opens a sock_diag netlink socket and sends one request on it. Returns the socket, or -errno. */
static inline int nl_send(const void *msg, size_t length) {
  int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
  if (fd < 0) return -errno;
  struct sockaddr_nl kernel = {.nl_family = AF_NETLINK};
  if (sendto(fd, msg, length, 0, (struct sockaddr *)&kernel, sizeof kernel) < 0) {
    int err = errno;
    close(fd);
    return -err;
  }
  return fd;
}

/** Called for every answer message of a dump; a negative result ends the dump with it. */
typedef int (*nl_message_fn)(void *ctx, struct nlmsghdr *h);

/**
 * Reads a dump's answers on fd until NLMSG_DONE, handing each message to on_message, and closes
 * fd. Returns 0, the kernel's error (NLMSG_ERROR), -errno of recv, or on_message's negative result.
 */
static inline int nl_read_dump(int fd, uint8_t *buf, size_t size, nl_message_fn on_message, void *ctx) {
  int result = 0;
  for (int done = 0; !done;) {
    ssize_t n = recv(fd, buf, size, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      result = -errno;
      break;
    }
    if (n == 0) break;
    int len = (int)n;
    for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, len); h = NLMSG_NEXT(h, len)) {
      if (h->nlmsg_type == NLMSG_DONE) {
        done = 1;
        break;
      }
      if (h->nlmsg_type == NLMSG_ERROR) {
        const struct nlmsgerr *e = NLMSG_DATA(h);
        result = e->error ? e->error : -EPROTO;
        done = 1;
        break;
      }
      if ((result = on_message(ctx, h)) < 0) {
        done = 1;
        break;
      }
    }
  }
  close(fd);
  return result;
}

/** Adds openTable() and scan() (socktable.c) to the exports. */
napi_value socktable_init(napi_env env, napi_value exports);

#endif
