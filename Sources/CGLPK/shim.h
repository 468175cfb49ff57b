/*
 * CGLPK: GLPK's C API plus a guard that keeps GLPK from aborting the process.
 *
 * GLPK reports an invalid argument by calling its error hook and then
 * abort(). Each cglpk_* function below arms a per-thread jump buffer,
 * installs a hook that frees the thread's GLPK environment and longjmps back,
 * and returns CGLPK_ENV_LOST instead of aborting. Only C frames lie between
 * setjmp and longjmp (no Swift frame is ever skipped), except inside the
 * branch-and-cut callback, whose GLPK calls the Swift backend validates first.
 * After CGLPK_ENV_LOST every GLPK object of that thread is gone.
 *
 * Licensed GPL-3.0-or-later.
 */
#ifndef CGLPK_SHIM_H
#define CGLPK_SHIM_H

#include <glpk.h>
#include <setjmp.h>

/** Returned by a guarded call when GLPK raised an error (the environment is gone). */
#define CGLPK_ENV_LOST (-1)

typedef struct {
    jmp_buf buffer;
    int armed;
    unsigned long generation;
} cglpk_guard_t;

/**
 * The calling thread's guard, one per thread for the whole program. Each Swift source file that
 * calls these functions may be compiled into an object file of its own, with its own copy of every
 * static inline function here; a guard kept in one would then be one per file, and an error raised
 * under one file's guard would not change the generation another file reads (so a problem made before
 * the error would not know its environment was gone). This function is a weak definition instead:
 * the linker keeps one of the copies, and every file's calls reach that one and its guard.
 */
__attribute__((weak, noinline)) cglpk_guard_t *cglpk_guard(void) {
    static _Thread_local cglpk_guard_t guard;
    return &guard;
}

/** Number of times GLPK's environment was lost on this thread. */
static inline unsigned long cglpk_generation(void) { return cglpk_guard()->generation; }

static inline void cglpk_error_hook(void *info) {
    (void)info;
    cglpk_guard_t *guard = cglpk_guard();
    if (guard->armed) {
        guard->armed = 0;
        guard->generation += 1;
        glp_free_env();
        longjmp(guard->buffer, 1);
    }
}

#define CGLPK_GUARDED(call)                                     \
    cglpk_guard_t *guard = cglpk_guard();                       \
    if (setjmp(guard->buffer) != 0) { return CGLPK_ENV_LOST; }  \
    guard->armed = 1;                                           \
    glp_error_hook(cglpk_error_hook, 0);                        \
    int result = (call);                                        \
    guard->armed = 0;                                           \
    glp_error_hook(0, 0);                                       \
    return result;

static inline int cglpk_load_matrix(glp_prob *P, int ne, const int ia[], const int ja[], const double ar[]) {
    CGLPK_GUARDED((glp_load_matrix(P, ne, ia, ja, ar), 0))
}
static inline int cglpk_set_mat_col(glp_prob *P, int j, int len, const int ind[], const double val[]) {
    CGLPK_GUARDED((glp_set_mat_col(P, j, len, ind, val), 0))
}
static inline int cglpk_simplex(glp_prob *P, const glp_smcp *parm) { CGLPK_GUARDED(glp_simplex(P, parm)) }
static inline int cglpk_intopt(glp_prob *P, const glp_iocp *parm) { CGLPK_GUARDED(glp_intopt(P, parm)) }
static inline int cglpk_write_mps(glp_prob *P, int fmt, const char *fname) {
    CGLPK_GUARDED(glp_write_mps(P, fmt, 0, fname))
}
static inline int cglpk_read_mps(glp_prob *P, int fmt, const char *fname) {
    CGLPK_GUARDED(glp_read_mps(P, fmt, 0, fname))
}
static inline int cglpk_write_lp(glp_prob *P, const char *fname) { CGLPK_GUARDED(glp_write_lp(P, 0, fname)) }
static inline int cglpk_read_lp(glp_prob *P, const char *fname) { CGLPK_GUARDED(glp_read_lp(P, 0, fname)) }

/** Test hook: makes GLPK raise an error (an out-of-range row index) under the guard. */
static inline int cglpk_provoke_error(glp_prob *P) {
    CGLPK_GUARDED((glp_set_row_name(P, glp_get_num_rows(P) + 1, "x"), 0))
}

#endif
