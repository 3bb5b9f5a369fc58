/* The libcurl functions Foundation's URLSession calls, for the self-contained binary of `make dist`
 * (scripts/dist builds this into a libcurl.a the linker takes instead of libcurl.so). Each one
 * loads the system's libcurl.so.4 on first use and calls it, so certguide starts on machines
 * without libcurl, and only `check --external`, the one user of URLSession, needs it. */
#include <dlfcn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static void *symbol(const char *name) {
    static void *library;
    if (!library) library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_GLOBAL);
    if (!library) {
        fprintf(stderr, "error: checking external links needs libcurl, which is not installed "
                        "(Debian and Ubuntu: apt-get install libcurl4): %s\n", dlerror());
        exit(1);
    }
    void *function = dlsym(library, name);
    if (!function) {
        fprintf(stderr, "error: the installed libcurl has no %s; install libcurl 7.62 or newer\n", name);
        exit(1);
    }
    return function;
}

#define FORWARD(result, name, parameters, arguments) \
    result name parameters { \
        static result (*function) parameters; \
        if (!function) function = (result (*) parameters) symbol(#name); \
        return function arguments; \
    }

FORWARD(void *, curl_easy_init, (void), ())
FORWARD(void, curl_easy_cleanup, (void *handle), (handle))
FORWARD(int, curl_easy_pause, (void *handle, int mask), (handle, mask))
FORWARD(const char *, curl_easy_strerror, (int code), (code))
FORWARD(void, curl_free, (void *pointer), (pointer))
FORWARD(int, curl_global_init, (long flags), (flags))
FORWARD(int, curl_multi_add_handle, (void *multi, void *easy), (multi, easy))
FORWARD(int, curl_multi_assign, (void *multi, int socket, void *pointer), (multi, socket, pointer))
FORWARD(int, curl_multi_cleanup, (void *multi), (multi))
FORWARD(void *, curl_multi_info_read, (void *multi, int *left), (multi, left))
FORWARD(void *, curl_multi_init, (void), ())
FORWARD(int, curl_multi_remove_handle, (void *multi, void *easy), (multi, easy))
FORWARD(int, curl_multi_socket_action, (void *multi, int socket, int mask, int *running), (multi, socket, mask, running))
FORWARD(void *, curl_slist_append, (void *list, const char *text), (list, text))
FORWARD(void, curl_slist_free_all, (void *list), (list))
FORWARD(void *, curl_url, (void), ())
FORWARD(int, curl_url_get, (void *url, int what, char **part, unsigned int flags), (url, what, part, flags))
FORWARD(int, curl_url_set, (void *url, int what, const char *part, unsigned int flags), (url, what, part, flags))
FORWARD(char *, curl_version, (void), ())
FORWARD(void *, curl_version_info, (int age), (age))

/* The options that take a value pass one argument, a long, a pointer or a curl_off_t: all one
 * machine word on the 64-bit Linux this is built for, so it is passed on as a pointer. */
#define FORWARD_OPTION(name) \
    int name(void *handle, int option, ...) { \
        static int (*function)(void *, int, ...); \
        if (!function) function = (int (*)(void *, int, ...)) symbol(#name); \
        va_list list; \
        va_start(list, option); \
        void *value = va_arg(list, void *); \
        va_end(list); \
        return function(handle, option, value); \
    }

FORWARD_OPTION(curl_easy_setopt)
FORWARD_OPTION(curl_easy_getinfo)
FORWARD_OPTION(curl_multi_setopt)
