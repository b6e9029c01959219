#include "clinux_shim.h"
#include <sys/eventfd.h>
#include <sys/timerfd.h>

int clinux_realtime_timerfd(void) {
    return timerfd_create(CLOCK_REALTIME, TFD_CLOEXEC);
}

int clinux_timerfd_arm_absolute(int fd, int64_t at) {
    struct itimerspec spec = {0};
    spec.it_value.tv_sec = at > 0 ? (time_t)at : 1;
    return timerfd_settime(fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec, NULL);
}

int clinux_eventfd(void) {
    return eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
}
