// The refresh path's socket reader: one sock_diag pass over every TCP and UDP socket, with the
// kernel's tcp_info (INET_DIAG_INFO, what `ss -ti` prints) for TCP, diffed in C against the last
// pass by socket cookie. JS hears only about sockets that are new or whose record changed (state,
// owner inode, counters...) and about slots that went away: on a busy machine most sockets are
// idle between two refreshes, so most records are never decoded in JS.
//
// openTable() -> handle: the state of one reader (its slots and the cookie index).
// scan(handle) -> Buffer (little-endian):
//   u32 updates, u32 removed, u32 live, u32 FULL_SIZE
//   updates × (u32 slot, FULL_SIZE record), then removed × u32 slot.
// A slot number stands for one socket while it lives; a freed slot is reused for a later socket
// (then it arrives as an update first). Record layout (FULL_SIZE bytes):
//   0..51 as sockdiag.c's dump() records (family, protocol, state, v6only, ports, addresses,
//          uid, inode, bound interface)
//   52 u8  info: bit 0 tcp_info with bytes_acked/received, bit 1 bytes_sent/retrans, bit 2 delivery_rate
//   56 u64 bytes_acked   64 u64 bytes_received   72 u64 bytes_sent   80 u64 bytes_retrans
//   88 u32 segs_in       92 u32 segs_out         96 u32 rtt (µs)    100 u32 rttvar (µs)
//  104 u32 snd_cwnd     112 u64 delivery_rate (bytes/s)            120 u64 socket cookie
// Throws with an errno `code` (then the table is empty again and the caller falls back).
//
// TCP is read with the compatibility request (TCPDIAG_GETSOCK), which the kernel answers for
// AF_UNSPEC: one walk of the TCP hash tables for IPv4 and IPv6 together, where two
// SOCK_DIAG_BY_FAMILY requests walk them twice (the IPv6 pass alone cost 1.5-3.5 ms at 10,000
// IPv4 sockets). Kernels without it get the two requests.

#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/tcp.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include "sockdiag.h"

#define FULL_SIZE 128
// The kernel fills at most 32 KiB per recv of a dump; a little more room costs nothing.
#define RECV_SIZE (64 * 1024)

typedef struct {
  uint8_t rec[FULL_SIZE];
  uint32_t gen;
} slot_t;

typedef struct {
  uint64_t key;  // socket cookie; 0 marks an empty entry
  uint32_t slot;
} entry_t;

typedef struct {
  entry_t *entries;
  uint32_t mask;
  uint32_t count;
} index_t;

typedef struct {
  uint8_t *data;
  size_t length, capacity;
} bytes_t;

typedef struct {
  slot_t *slots;
  uint32_t nslots, cap_slots;
  uint32_t *free_slots;
  uint32_t nfree, cap_free;
  index_t index;  // cookie -> slot, from the last pass
  uint32_t gen;
  int no_compat;  // the kernel refused TCPDIAG_GETSOCK once: use SOCK_DIAG_BY_FAMILY
} table_t;

typedef struct {
  table_t *t;
  index_t next;  // built during this pass
  bytes_t updates;
  uint32_t protocol;
} pass_t;

static int bytes_reserve(bytes_t *b, size_t more) {
  if (b->length + more <= b->capacity) return 0;
  size_t next = b->capacity ? b->capacity * 2 : 16 * 1024;
  while (next < b->length + more) next *= 2;
  uint8_t *grown = realloc(b->data, next);
  if (!grown) return -ENOMEM;
  b->data = grown;
  b->capacity = next;
  return 0;
}

static uint32_t hash64(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  return (uint32_t)k;
}

static int index_init(index_t *ix, uint32_t want) {
  uint32_t cap = 1024;
  while (cap < want * 2) cap *= 2;
  ix->entries = calloc(cap, sizeof(entry_t));
  if (!ix->entries) return -ENOMEM;
  ix->mask = cap - 1;
  ix->count = 0;
  return 0;
}

static entry_t *index_find(const index_t *ix, uint64_t key) {
  if (!ix->entries) return NULL;
  for (uint32_t i = hash64(key) & ix->mask;; i = (i + 1) & ix->mask) {
    entry_t *e = &ix->entries[i];
    if (e->key == key) return e;
    if (e->key == 0) return NULL;
  }
}

static int index_put(index_t *ix, uint64_t key, uint32_t slot);

static int index_grow(index_t *ix) {
  index_t bigger;
  if (index_init(&bigger, (ix->mask + 1)) < 0) return -ENOMEM;
  for (uint32_t i = 0; i <= ix->mask; i++)
    if (ix->entries[i].key) index_put(&bigger, ix->entries[i].key, ix->entries[i].slot);
  free(ix->entries);
  *ix = bigger;
  return 0;
}

static int index_put(index_t *ix, uint64_t key, uint32_t slot) {
  if ((ix->count + 1) * 2 > ix->mask + 1 && index_grow(ix) < 0) return -ENOMEM;
  for (uint32_t i = hash64(key) & ix->mask;; i = (i + 1) & ix->mask) {
    entry_t *e = &ix->entries[i];
    if (e->key == 0) {
      e->key = key;
      e->slot = slot;
      ix->count++;
      return 0;
    }
    if (e->key == key) {
      e->slot = slot;
      return 0;
    }
  }
}

static int slot_alloc(table_t *t, uint32_t *out) {
  if (t->nfree > 0) {
    *out = t->free_slots[--t->nfree];
    return 0;
  }
  if (t->nslots == t->cap_slots) {
    uint32_t cap = t->cap_slots ? t->cap_slots * 2 : 1024;
    slot_t *grown = realloc(t->slots, (size_t)cap * sizeof(slot_t));
    if (!grown) return -ENOMEM;
    t->slots = grown;
    t->cap_slots = cap;
  }
  *out = t->nslots++;
  return 0;
}

static int slot_free(table_t *t, uint32_t slot) {
  if (t->nfree == t->cap_free) {
    uint32_t cap = t->cap_free ? t->cap_free * 2 : 1024;
    uint32_t *grown = realloc(t->free_slots, (size_t)cap * sizeof(uint32_t));
    if (!grown) return -ENOMEM;
    t->free_slots = grown;
    t->cap_free = cap;
  }
  t->free_slots[t->nfree++] = slot;
  return 0;
}

static void table_clear(table_t *t) {
  free(t->slots);
  free(t->free_slots);
  free(t->index.entries);
  int no_compat = t->no_compat;
  memset(t, 0, sizeof *t);
  t->no_compat = no_compat;
}

/** One netlink message into a record; then new, changed or unchanged against the last pass. */
static int take_message(pass_t *p, struct nlmsghdr *h) {
  struct inet_diag_msg *m = NLMSG_DATA(h);
  if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*m))) return 0;  // truncated: skip, never read past it
  if (m->idiag_family != AF_INET && m->idiag_family != AF_INET6) return 0;
  uint8_t rec[FULL_SIZE];
  memset(rec, 0, sizeof rec);
  rec[0] = m->idiag_family == AF_INET ? 4 : 6;
  rec[1] = (uint8_t)p->protocol;
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
  for (struct rtattr *a = (struct rtattr *)(m + 1); RTA_OK(a, left); a = RTA_NEXT(a, left)) {
    if (a->rta_type == INET_DIAG_SKV6ONLY && RTA_PAYLOAD(a) >= 1) rec[3] = *(const uint8_t *)RTA_DATA(a) ? 1 : 0;
    else if (a->rta_type == INET_DIAG_INFO && p->protocol == IPPROTO_TCP) {
      // Older kernels send a shorter tcp_info: copy what came, the rest stays zero and unflagged.
      struct tcp_info ti;
      memset(&ti, 0, sizeof ti);
      size_t got = (size_t)RTA_PAYLOAD(a), n = got < sizeof ti ? got : sizeof ti;
      memcpy(&ti, RTA_DATA(a), n);
      uint8_t info = 0;
      if (n >= offsetof(struct tcp_info, tcpi_bytes_received) + sizeof ti.tcpi_bytes_received) info |= 1;
      if (n >= offsetof(struct tcp_info, tcpi_bytes_retrans) + sizeof ti.tcpi_bytes_retrans) info |= 2;
      if (n >= offsetof(struct tcp_info, tcpi_delivery_rate) + sizeof ti.tcpi_delivery_rate) info |= 4;
      rec[52] = info;
      put64(rec + 56, ti.tcpi_bytes_acked);
      put64(rec + 64, ti.tcpi_bytes_received);
      put64(rec + 72, ti.tcpi_bytes_sent);
      put64(rec + 80, ti.tcpi_bytes_retrans);
      put32(rec + 88, ti.tcpi_segs_in);
      put32(rec + 92, ti.tcpi_segs_out);
      put32(rec + 96, ti.tcpi_rtt);
      put32(rec + 100, ti.tcpi_rttvar);
      put32(rec + 104, ti.tcpi_snd_cwnd);
      put64(rec + 112, ti.tcpi_delivery_rate);
    }
  }
  uint64_t cookie = (uint64_t)m->id.idiag_cookie[0] | ((uint64_t)m->id.idiag_cookie[1] << 32);
  if (cookie == 0) cookie = 1ULL << 63 | ((uint64_t)m->idiag_inode << 16 | ntohs(m->id.idiag_sport));  // never seen; keep a key
  put64(rec + 120, cookie);
  table_t *t = p->t;
  uint32_t slot;
  entry_t *seen = index_find(&p->next, cookie);  // a socket can appear twice when the table moves mid-dump
  entry_t *old = seen ? NULL : index_find(&t->index, cookie);
  if (seen || old) {
    slot = seen ? seen->slot : old->slot;
    if (!seen && index_put(&p->next, cookie, slot) < 0) return -ENOMEM;
    t->slots[slot].gen = t->gen;
    if (memcmp(t->slots[slot].rec, rec, FULL_SIZE) == 0) return 0;  // unchanged: JS never hears of it
  } else {
    if (slot_alloc(t, &slot) < 0 || index_put(&p->next, cookie, slot) < 0) return -ENOMEM;
    t->slots[slot].gen = t->gen;
  }
  memcpy(t->slots[slot].rec, rec, FULL_SIZE);
  if (bytes_reserve(&p->updates, 4 + FULL_SIZE) < 0) return -ENOMEM;
  put32(p->updates.data + p->updates.length, slot);
  memcpy(p->updates.data + p->updates.length + 4, rec, FULL_SIZE);
  p->updates.length += 4 + FULL_SIZE;
  return 0;
}

/**
 * One dump request and its answer. compat: TCPDIAG_GETSOCK (TCP, both families). Returns 0, or
 * -errno; *answered tells whether any socket came (to tell "refused" from "failed midway").
 */
typedef struct {
  pass_t *p;
  int *answered;
} run_ctx_t;

static int run_message(void *ctx, struct nlmsghdr *h) {
  run_ctx_t *c = ctx;
  *c->answered = 1;
  return take_message(c->p, h);
}

static int run_dump(pass_t *p, int compat, uint8_t family, uint8_t protocol, uint8_t *buf, int *answered) {
  uint8_t ext = protocol == IPPROTO_TCP ? 1 << (INET_DIAG_INFO - 1) : 0;
  int fd;
  if (compat) {
    struct {
      struct nlmsghdr nlh;
      struct inet_diag_req req;
    } msg;
    memset(&msg, 0, sizeof msg);
    msg.nlh.nlmsg_len = sizeof msg;
    msg.nlh.nlmsg_type = TCPDIAG_GETSOCK;
    msg.nlh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    msg.nlh.nlmsg_seq = 1;
    msg.req.idiag_family = AF_INET;  // ignored by the kernel: compat dumps are AF_UNSPEC
    msg.req.idiag_states = ~0U;
    msg.req.idiag_ext = ext;
    fd = nl_send(&msg, sizeof msg);
  } else {
    diag_request_t msg;
    diag_request_init(&msg, SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, family, protocol);
    msg.req.idiag_ext = ext;
    fd = nl_send(&msg, sizeof msg);
  }
  if (fd < 0) return fd;
  p->protocol = protocol;
  run_ctx_t ctx = {p, answered};
  return nl_read_dump(fd, buf, RECV_SIZE, run_message, &ctx);
}

static int scan_all(pass_t *p, uint8_t *buf) {
  table_t *t = p->t;
  int rc, answered = 0;
  if (!t->no_compat) {
    rc = run_dump(p, 1, 0, IPPROTO_TCP, buf, &answered);
    if (rc < 0 && !answered && (rc == -EINVAL || rc == -ENOENT || rc == -EOPNOTSUPP)) t->no_compat = 1;
    else if (rc < 0) return rc;
  }
  if (t->no_compat) {
    if ((rc = run_dump(p, 0, AF_INET, IPPROTO_TCP, buf, &answered)) < 0) return rc;
    // No IPv6 in this kernel: nothing to read there, quietly (as procfs without tcp6).
    if ((rc = run_dump(p, 0, AF_INET6, IPPROTO_TCP, buf, &answered)) < 0 && rc != -EINVAL) return rc;
  }
  if ((rc = run_dump(p, 0, AF_INET, IPPROTO_UDP, buf, &answered)) < 0) return rc;
  if ((rc = run_dump(p, 0, AF_INET6, IPPROTO_UDP, buf, &answered)) < 0 && rc != -EINVAL) return rc;
  return 0;
}

static void table_finalize(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  table_clear(data);
  free(data);
}

static napi_value OpenTable(napi_env env, napi_callback_info info) {
  (void)info;
  table_t *t = calloc(1, sizeof *t);
  if (!t) {
    napi_throw_error(env, "ENOMEM", "could not allocate the socket table");
    return NULL;
  }
  napi_value handle;
  if (napi_create_external(env, t, table_finalize, NULL, &handle) != napi_ok) {
    free(t);
    napi_throw_error(env, "ENOMEM", "could not allocate the socket table");
    return NULL;
  }
  return handle;
}

static napi_value Scan(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  table_t *t = NULL;
  napi_valuetype type;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 1 || napi_typeof(env, argv[0], &type) != napi_ok ||
      type != napi_external || napi_get_value_external(env, argv[0], (void **)&t) != napi_ok || !t) {
    napi_throw_type_error(env, NULL, "scan(table from openTable())");
    return NULL;
  }
  pass_t p;
  memset(&p, 0, sizeof p);
  p.t = t;
  t->gen++;
  uint8_t *buf = malloc(RECV_SIZE);
  int rc = buf ? index_init(&p.next, t->index.count ? t->index.count : 512) : -ENOMEM;
  if (rc == 0) rc = scan_all(&p, buf);
  free(buf);
  bytes_t removed = {0};
  if (rc == 0 && t->index.entries) {
    // Every socket of the last pass that this one did not see has closed: free its slot.
    for (uint32_t i = 0; i <= t->index.mask && rc == 0; i++) {
      entry_t *e = &t->index.entries[i];
      if (!e->key || t->slots[e->slot].gen == t->gen) continue;
      if (bytes_reserve(&removed, 4) < 0 || slot_free(t, e->slot) < 0) rc = -ENOMEM;
      else {
        put32(removed.data + removed.length, e->slot);
        removed.length += 4;
      }
    }
  }
  if (rc < 0) {
    free(p.next.entries);
    free(p.updates.data);
    free(removed.data);
    table_clear(t);  // the caller starts over (or falls back): no half-applied state survives
    return throw_errno(env, -rc);
  }
  free(t->index.entries);
  t->index = p.next;
  napi_value result;
  uint8_t *out = NULL;
  size_t total = 16 + p.updates.length + removed.length;
  if (napi_create_buffer(env, total, (void **)&out, &result) != napi_ok) {
    free(p.updates.data);
    free(removed.data);
    table_clear(t);
    napi_throw_error(env, "ENOMEM", "could not allocate the result buffer");
    return NULL;
  }
  put32(out, (uint32_t)(p.updates.length / (4 + FULL_SIZE)));
  put32(out + 4, (uint32_t)(removed.length / 4));
  put32(out + 8, t->index.count);
  put32(out + 12, FULL_SIZE);
  if (p.updates.length) memcpy(out + 16, p.updates.data, p.updates.length);
  if (removed.length) memcpy(out + 16 + p.updates.length, removed.data, removed.length);
  free(p.updates.data);
  free(removed.data);
  return result;
}

napi_value socktable_init(napi_env env, napi_value exports) {
  napi_value fn;
  napi_create_function(env, "openTable", NAPI_AUTO_LENGTH, OpenTable, NULL, &fn);
  napi_set_named_property(env, exports, "openTable", fn);
  napi_create_function(env, "scan", NAPI_AUTO_LENGTH, Scan, NULL, &fn);
  napi_set_named_property(env, exports, "scan", fn);
  return exports;
}
