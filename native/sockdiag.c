// Portscope's socket-table reader for Linux: the kernel's sock_diag netlink interface (what `ss`
// uses), exposed to Node through N-API. procfs prints every socket as text that the kernel
// formats and we parse again; at 10,000 sockets that alone costs more than a whole `ss` run.
// sock_diag hands over binary records, and also carries facts procfs lacks (IPV6_V6ONLY).
//
// dump(family, protocol) -> Buffer of fixed-size records (little-endian, RECORD_SIZE bytes each):
//   0 u8  family (4 or 6)          1 u8  protocol (6 tcp, 17 udp)
//   2 u8  kernel state             3 u8  v6only (0, 1, or 255 when not reported)
//   4 u16 local port               6 u16 remote port
//   8 16B local address (network byte order; IPv4 in the first 4 bytes)
//  24 16B remote address
//  40 u32 uid                     44 u32 inode
//  48 u32 interface index the socket is bound to (0 for none)
// Throws an Error whose `code` is the errno name on failure, so the caller can fall back to procfs.
//
// owners(procRoot, wanted, firstPids, onlyFirst) -> Buffer: which processes hold which socket inodes, from
// <procRoot>/<pid>/fd (readdir + readlink, as `ss -p` does, without a JS string per fd).
//   wanted:    sorted Uint32Array of inodes to look for, or null for every socket of every process
//   firstPids: Uint32Array of pids to search first (likely owners), or null
//   onlyFirst: true to search firstPids alone (e.g. only the processes that appeared since last time)
// With `wanted`, the walk stops after the process in which the last wanted inode was found.
// Result: u32 deniedPids, u32 vanishedPids, then (u32 pid, u32 inode) pairs.
//
// destroy(family, src, sport, dst, dport) -> 0: aborts ONE TCP connection, the one with exactly
// these endpoints (addresses as 4- or 16-byte Buffers in network order), with the kernel's
// SOCK_DESTROY (what `ss -K` sends; needs CONFIG_INET_DIAG_DESTROY and CAP_NET_ADMIN). The kernel
// looks the socket up by the full 4-tuple, so no other socket can be hit. Throws with the errno
// name as `code`: ENOENT (no such connection), EPERM/EACCES (not root), EOPNOTSUPP (kernel without it).

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <node_api.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "sockdiag.h"

#define RECORD_SIZE 52
#define RECV_BUFFER (256 * 1024)

typedef struct {
  uint8_t *data;
  size_t length;
  size_t capacity;
} records_t;

/** Makes room for `more` bytes, doubling the buffer as it fills. */
static int records_reserve(records_t *r, size_t more) {
  if (r->length + more <= r->capacity) return 0;
  size_t next = r->capacity ? r->capacity * 2 : 64 * RECORD_SIZE;
  while (next < r->length + more) next *= 2;
  uint8_t *grown = realloc(r->data, next);
  if (!grown) return -ENOMEM;
  r->data = grown;
  r->capacity = next;
  return 0;
}

static int records_push(records_t *r, const uint8_t *record) {
  if (records_reserve(r, RECORD_SIZE) < 0) return -ENOMEM;
  memcpy(r->data + r->length, record, RECORD_SIZE);
  r->length += RECORD_SIZE;
  return 0;
}

static int encode(records_t *out, struct nlmsghdr *h, uint8_t family, uint8_t protocol) {
  struct inet_diag_msg *m = NLMSG_DATA(h);
  if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*m))) return 0;  // truncated: skip, never read past it
  uint8_t rec[RECORD_SIZE];
  memset(rec, 0, sizeof rec);
  rec[0] = family == AF_INET ? 4 : 6;
  rec[1] = protocol;
  rec[2] = m->idiag_state;
  rec[3] = 255;
  put16(rec + 4, ntohs(m->id.idiag_sport));
  put16(rec + 6, ntohs(m->id.idiag_dport));
  memcpy(rec + 8, m->id.idiag_src, 16);
  memcpy(rec + 24, m->id.idiag_dst, 16);
  put32(rec + 40, m->idiag_uid);
  put32(rec + 44, m->idiag_inode);
  put32(rec + 48, m->id.idiag_if);
  int left = (int)h->nlmsg_len - (int)NLMSG_LENGTH(sizeof(*m));
  struct rtattr *a = (struct rtattr *)(m + 1);
  for (; RTA_OK(a, left); a = RTA_NEXT(a, left)) {
    if (a->rta_type == INET_DIAG_SKV6ONLY && RTA_PAYLOAD(a) >= 1) rec[3] = *(const uint8_t *)RTA_DATA(a) ? 1 : 0;
  }
  return records_push(out, rec);
}

typedef struct {
  records_t *out;
  uint8_t family, protocol;
} dump_ctx_t;

static int dump_message(void *ctx, struct nlmsghdr *h) {
  dump_ctx_t *c = ctx;
  return h->nlmsg_type == SOCK_DIAG_BY_FAMILY ? encode(c->out, h, c->family, c->protocol) : 0;
}

static int dump(records_t *out, uint8_t family, uint8_t protocol) {
  diag_request_t msg;
  diag_request_init(&msg, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, family, protocol);
  int fd = nl_send(&msg, sizeof msg);
  if (fd < 0) return fd;
  uint8_t *buf = malloc(RECV_BUFFER);
  if (!buf) {
    close(fd);
    return -ENOMEM;
  }
  dump_ctx_t ctx = {out, family, protocol};
  int result = nl_read_dump(fd, buf, RECV_BUFFER, dump_message, &ctx);
  free(buf);
  return result;
}

static napi_value Dump(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 2) {
    napi_throw_type_error(env, NULL, "dump(family, protocol) needs two numbers");
    return NULL;
  }
  uint32_t fam = 0, proto = 0;
  if (napi_get_value_uint32(env, argv[0], &fam) != napi_ok || napi_get_value_uint32(env, argv[1], &proto) != napi_ok ||
      (fam != 4 && fam != 6) || (proto != IPPROTO_TCP && proto != IPPROTO_UDP)) {
    napi_throw_type_error(env, NULL, "dump(family 4|6, protocol 6|17)");
    return NULL;
  }
  records_t out = {0};
  int rc = dump(&out, fam == 4 ? AF_INET : AF_INET6, (uint8_t)proto);
  if (rc < 0) {
    free(out.data);
    return throw_errno(env, -rc);
  }
  napi_value result;
  void *copy = NULL;
  napi_status st = napi_create_buffer_copy(env, out.length, out.data ? (const void *)out.data : (const void *)"", &copy, &result);
  free(out.data);
  if (st != napi_ok) {
    napi_throw_error(env, "ENOMEM", "could not allocate the result buffer");
    return NULL;
  }
  return result;
}

typedef struct {
  const uint32_t *wanted;
  size_t wanted_count;
  uint8_t *found;
  size_t remaining;
  uint32_t denied, vanished;
  records_t pairs;
} walk_t;

static long find_inode(const walk_t *w, uint32_t inode) {
  size_t lo = 0, hi = w->wanted_count;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (w->wanted[mid] < inode) lo = mid + 1;
    else hi = mid;
  }
  return lo < w->wanted_count && w->wanted[lo] == inode ? (long)lo : -1;
}

static int push_pair(records_t *r, uint32_t pid, uint32_t inode) {
  if (records_reserve(r, 8) < 0) return -ENOMEM;
  put32(r->data + r->length, pid);
  put32(r->data + r->length + 4, inode);
  r->length += 8;
  return 0;
}

static int walk_pid(walk_t *w, const char *proc_root, uint32_t pid) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%u/fd", proc_root, pid);
  int dfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) {
    if (errno == ENOENT || errno == ESRCH) w->vanished++;
    else w->denied++;
    return 0;
  }
  DIR *dir = fdopendir(dfd);
  if (!dir) {
    close(dfd);
    w->denied++;
    return 0;
  }
  struct dirent *e;
  char link[64];
  while ((e = readdir(dir)) != NULL) {
    if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
    ssize_t n = readlinkat(dfd, e->d_name, link, sizeof link - 1);
    if (n < 10 || memcmp(link, "socket:[", 8) != 0 || link[n - 1] != ']') continue;
    uint32_t inode = 0;
    int ok = 1;
    for (ssize_t i = 8; i < n - 1; i++) {
      if (link[i] < '0' || link[i] > '9') { ok = 0; break; }
      inode = inode * 10 + (uint32_t)(link[i] - '0');
    }
    if (!ok || inode == 0) continue;
    if (w->wanted) {
      long at = find_inode(w, inode);
      if (at < 0) continue;
      if (!w->found[at]) {
        w->found[at] = 1;
        w->remaining--;
      }
    }
    if (push_pair(&w->pairs, pid, inode) < 0) {
      closedir(dir);
      return -ENOMEM;
    }
  }
  closedir(dir);
  return 0;
}

static int is_listed(const uint32_t *list, size_t count, uint32_t pid) {
  for (size_t i = 0; i < count; i++)
    if (list[i] == pid) return 1;
  return 0;
}

static napi_value Owners(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 4) {
    napi_throw_type_error(env, NULL, "owners(procRoot, wanted, firstPids, onlyFirst)");
    return NULL;
  }
  char proc_root[2048];
  size_t root_len = 0;
  if (napi_get_value_string_utf8(env, argv[0], proc_root, sizeof proc_root, &root_len) != napi_ok || root_len >= sizeof proc_root - 1) {
    napi_throw_type_error(env, NULL, "procRoot must be a path string");
    return NULL;
  }
  walk_t w;
  memset(&w, 0, sizeof w);
  const uint32_t *first = NULL;
  size_t first_count = 0;
  for (int i = 1; i <= 2; i++) {
    napi_valuetype t;
    napi_typeof(env, argv[i], &t);
    if (t == napi_null || t == napi_undefined) continue;
    napi_typedarray_type kind;
    size_t length;
    void *data;
    if (napi_get_typedarray_info(env, argv[i], &kind, &length, &data, NULL, NULL) != napi_ok || kind != napi_uint32_array) {
      napi_throw_type_error(env, NULL, "wanted and firstPids must be Uint32Array or null");
      return NULL;
    }
    if (i == 1) {
      w.wanted = data;
      w.wanted_count = length;
    } else {
      first = data;
      first_count = length;
    }
  }
  bool only_first = false;
  napi_get_value_bool(env, argv[3], &only_first);
  if (w.wanted) {
    w.found = calloc(w.wanted_count ? w.wanted_count : 1, 1);
    w.remaining = w.wanted_count;
  }
  int rc = 0;
  for (size_t i = 0; i < first_count && rc == 0 && !(w.wanted && w.remaining == 0); i++) rc = walk_pid(&w, proc_root, first[i]);
  if (rc == 0 && !only_first && !(w.wanted && w.remaining == 0)) {
    DIR *proc = opendir(proc_root);
    if (!proc) rc = -errno;
    else {
      struct dirent *e;
      while (rc == 0 && (e = readdir(proc)) != NULL) {
        if (e->d_name[0] < '1' || e->d_name[0] > '9') continue;
        char *end;
        unsigned long pid = strtoul(e->d_name, &end, 10);
        if (*end != '\0' || pid == 0 || pid > 0xffffffffUL) continue;
        if (is_listed(first, first_count, (uint32_t)pid)) continue;
        rc = walk_pid(&w, proc_root, (uint32_t)pid);
        if (w.wanted && w.remaining == 0) break;
      }
      closedir(proc);
    }
  }
  free(w.found);
  if (rc < 0) {
    free(w.pairs.data);
    return throw_errno(env, -rc);
  }
  napi_value result;
  uint8_t *out = NULL;
  if (napi_create_buffer(env, 8 + w.pairs.length, (void **)&out, &result) != napi_ok) {
    free(w.pairs.data);
    napi_throw_error(env, "ENOMEM", "could not allocate the result buffer");
    return NULL;
  }
  put32(out, w.denied);
  put32(out + 4, w.vanished);
  if (w.pairs.length) memcpy(out + 8, w.pairs.data, w.pairs.length);
  free(w.pairs.data);
  return result;
}

/** Sends one SOCK_DESTROY request for a TCP socket and waits for the kernel's acknowledgement. */
static int destroy_tcp(uint8_t family, const uint8_t *src, uint16_t sport, const uint8_t *dst, uint16_t dport) {
  diag_request_t msg;
  diag_request_init(&msg, SOCK_DESTROY, NLM_F_REQUEST | NLM_F_ACK, family, IPPROTO_TCP);
  size_t len = family == AF_INET ? 4 : 16;
  memcpy(msg.req.id.idiag_src, src, len);
  memcpy(msg.req.id.idiag_dst, dst, len);
  msg.req.id.idiag_sport = htons(sport);
  msg.req.id.idiag_dport = htons(dport);
  msg.req.id.idiag_cookie[0] = INET_DIAG_NOCOOKIE;
  msg.req.id.idiag_cookie[1] = INET_DIAG_NOCOOKIE;
  int fd = nl_send(&msg, sizeof msg);
  if (fd < 0) return fd;
  uint8_t buf[4096];
  int result = -EIO;
  for (;;) {
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      result = -errno;
      break;
    }
    int left = (int)n;
    struct nlmsghdr *h = (struct nlmsghdr *)buf;
    if (NLMSG_OK(h, left) && h->nlmsg_type == NLMSG_ERROR) {
      const struct nlmsgerr *e = NLMSG_DATA(h);
      result = e->error;  // 0 is the acknowledgement of success
    }
    break;
  }
  close(fd);
  return result;
}

static int address_arg(napi_env env, napi_value v, size_t want, const uint8_t **out) {
  bool is_buffer = false;
  size_t length = 0;
  void *data = NULL;
  if (napi_is_buffer(env, v, &is_buffer) != napi_ok || !is_buffer) return -1;
  if (napi_get_buffer_info(env, v, &data, &length) != napi_ok || length != want) return -1;
  *out = data;
  return 0;
}

static napi_value Destroy(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5];
  uint32_t fam = 0, sport = 0, dport = 0;
  const uint8_t *src = NULL, *dst = NULL;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 5 || napi_get_value_uint32(env, argv[0], &fam) != napi_ok ||
      (fam != 4 && fam != 6) || address_arg(env, argv[1], fam == 4 ? 4 : 16, &src) < 0 || napi_get_value_uint32(env, argv[2], &sport) != napi_ok ||
      address_arg(env, argv[3], fam == 4 ? 4 : 16, &dst) < 0 || napi_get_value_uint32(env, argv[4], &dport) != napi_ok || sport == 0 || sport > 65535 ||
      dport == 0 || dport > 65535) {
    napi_throw_type_error(env, NULL, "destroy(family 4|6, src Buffer, sport 1-65535, dst Buffer, dport 1-65535)");
    return NULL;
  }
  int rc = destroy_tcp(fam == 4 ? AF_INET : AF_INET6, src, (uint16_t)sport, dst, (uint16_t)dport);
  if (rc < 0) return throw_errno(env, -rc);
  napi_value zero;
  napi_create_uint32(env, 0, &zero);
  return zero;
}

static napi_value Init(napi_env env, napi_value exports) {
  napi_value fn, size;
  napi_create_function(env, "dump", NAPI_AUTO_LENGTH, Dump, NULL, &fn);
  napi_set_named_property(env, exports, "dump", fn);
  napi_create_function(env, "owners", NAPI_AUTO_LENGTH, Owners, NULL, &fn);
  napi_set_named_property(env, exports, "owners", fn);
  napi_create_function(env, "destroy", NAPI_AUTO_LENGTH, Destroy, NULL, &fn);
  napi_set_named_property(env, exports, "destroy", fn);
  napi_create_uint32(env, RECORD_SIZE, &size);
  napi_set_named_property(env, exports, "recordSize", size);
  return socktable_init(env, exports);
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
