/* first-window: start-up time to the first window, for benchmarks
 *
 * Copyright 2026 Target Ledger developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: first-window [--hold MS] COMMAND [ARG…]
 *
 * Starts COMMAND on $DISPLAY, waits until it maps its first top-level
 * window, holds it for MS milliseconds (so that it draws), then ends it.
 * Prints "first-window-ms N" and "peak-rss-kib N" (the command's VmHWM).
 * Run it on an otherwise empty X server (Xvfb): the first window mapped
 * there is the command's.
 */

#include <X11/Xlib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static long
peak_rss_kib (pid_t pid)
{
  char path[64], line[256];
  long kib = -1;
  FILE *status;

  snprintf (path, sizeof path, "/proc/%d/status", (int) pid);
  if ((status = fopen (path, "r")) == NULL)
    return -1;
  while (fgets (line, sizeof line, status) != NULL)
    if (strncmp (line, "VmHWM:", 6) == 0)
      kib = strtol (line + 6, NULL, 10);
  fclose (status);
  return kib;
}

int
main (int   argc,
      char *argv[])
{
  Display *display;
  XEvent event;
  double start, mapped;
  int hold_ms = 500, first = 1;
  pid_t pid;

  if (argc > 2 && strcmp (argv[1], "--hold") == 0)
    {
      hold_ms = atoi (argv[2]);
      first = 3;
    }
  if (first >= argc)
    {
      fprintf (stderr, "usage: %s [--hold MS] COMMAND [ARG…]\n", argv[0]);
      return 2;
    }
  if ((display = XOpenDisplay (NULL)) == NULL)
    {
      fprintf (stderr, "first-window: cannot open the display\n");
      return 1;
    }
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);
  XSync (display, False);

  start = now_ms ();
  if ((pid = fork ()) == 0)
    {
      execvp (argv[first], argv + first);
      _exit (127);
    }

  do
    XNextEvent (display, &event);
  while (event.type != MapNotify);
  mapped = now_ms ();

  usleep (hold_ms * 1000);
  printf ("first-window-ms %.1f\npeak-rss-kib %ld\n", mapped - start, peak_rss_kib (pid));
  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  XCloseDisplay (display);
  return 0;
}
