// Helpers shared by sockdiag.c (dumps, owners, destroy) and socktable.c (the diffing scan).
#ifndef PORTSCOPE_SOCKDIAG_H
#define PORTSCOPE_SOCKDIAG_H

#include <errno.h>
#include <node_api.h>
#include <stdint.h>
#include <string.h>

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

/** Adds openTable() and scan() (socktable.c) to the exports. */
napi_value socktable_init(napi_env env, napi_value exports);

#endif
