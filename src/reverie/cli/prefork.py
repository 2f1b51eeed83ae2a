"""``reverie serve --processes N``: N waitress processes answer on one port.

One Python process serves at most one core's worth of pages (the interpreter lock), so a busy server is a queue
behind one core whatever its threads do. With ``--processes N`` the parent takes the port, forks N children that
each run a waitress server (8 threads) on it (Linux: each on its own ``SO_REUSEPORT`` socket, so the kernel spreads
connections evenly; elsewhere on the parent's shared listening socket, see :func:`bind`), and starts the one
analysis worker itself. The parent serves nothing: it waits, restarts a child that dies unexpectedly (at most once a
second), and on SIGTERM or SIGINT stops every child (SIGTERM, then SIGKILL after a grace period) before it returns.
A child whose parent disappears (SIGKILL) notices within a second and stops by itself, so no process is left behind.

What the processes share goes through the database (sessions, sign-in throttles, the audit chain's head row, the
task queue) or through files under a lock (the audit anchor); the in-memory caches (a client's data key, the master
key ring, insight states) are checked against the database or the key file before use (``clinic/services/keys.py``,
``clinic/services/insights.py``). Fork needs a POSIX system; elsewhere only one process is offered.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from reverie.errors import ConfigurationError, InvalidInput

log = logging.getLogger("reverie.serve")

MAX_PROCESSES = 32
STOP_GRACE_SECONDS = 15.0  # a child finishing its requests after SIGTERM, before SIGKILL
RESPAWN_PAUSE_SECONDS = 1.0  # never restart children faster than this (a child that dies at once)
BACKLOG = 1024
READY_SECONDS = 60.0  # how long the parent waits for a new child to listen before it says it is running
# Linux spreads connections evenly over sockets sharing a port (SO_REUSEPORT); BSD and macOS do not.
REUSE_PORT = sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def process_count(raw: str) -> int:
    """``--processes``: a whole number from 1 to 32, or ``auto`` (one per core this process may use)."""
    value = raw.strip().lower()
    if value == "auto":
        try:
            cores = len(os.sched_getaffinity(0))
        except AttributeError:  # pragma: no cover - not Linux
            cores = os.cpu_count() or 1
        return max(1, min(MAX_PROCESSES, cores))
    if not value.isdigit() or not 1 <= int(value) <= MAX_PROCESSES:
        raise InvalidInput(f"--processes takes a whole number from 1 to {MAX_PROCESSES}, or auto.")
    if int(value) > 1 and not hasattr(os, "fork"):  # pragma: no cover - Windows
        raise ConfigurationError(
            "Several processes need a system with fork (Linux, macOS); use --processes 1."
        )
    return int(value)


def bind(host: str, port: int) -> list[socket.socket]:
    """Take the port on every address ``host`` names (as waitress would); OSError as the system reports it.

    On Linux the parent's sockets only hold the port (bound, not listening): each child listens on its own socket
    bound to the same address with ``SO_REUSEPORT``, and the kernel spreads new connections evenly over them. With
    one shared listening socket instead, the least busy process wins nearly every ``accept`` (17 of 20 keep-alive
    sessions on one of two processes, measured), so its sessions queue behind one core while the other idles.
    Elsewhere the parent listens and the children share its socket. The port is first bound without
    ``SO_REUSEPORT``, so a port another program holds is refused as busy, never silently shared."""
    found = socket.getaddrinfo(host, port, socket.AF_UNSPEC, socket.SOCK_STREAM, 0, socket.AI_PASSIVE)
    sockets: list[socket.socket] = []
    seen: set[tuple[int, object]] = set()
    try:
        for family, kind, proto, _, address in found:
            if (family, address) in seen or family not in (socket.AF_INET, socket.AF_INET6):
                continue
            seen.add((family, address))
            if port == 0 and sockets:  # one port for all addresses: the one the system chose first
                address = (address[0], sockets[0].getsockname()[1], *address[2:])
            with _socket(family, kind, proto, reuse_port=False) as probe:
                probe.bind(address)  # EADDRINUSE here if anyone holds the port
                address = (address[0], probe.getsockname()[1], *address[2:])
                if not REUSE_PORT:
                    sockets.append(probe.dup())
                    sockets[-1].listen(BACKLOG)
                    sockets[-1].set_inheritable(False)  # the worker child (exec) must not hold the port
                    continue
            sock = _socket(family, kind, proto, reuse_port=True)
            sockets.append(sock)
            sock.bind(address)
            sock.set_inheritable(False)
    except BaseException:
        for sock in sockets:
            sock.close()
        raise
    return sockets


def _socket(family: int, kind: int, proto: int, *, reuse_port: bool) -> socket.socket:
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if reuse_port:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    if family == socket.AF_INET6:
        sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
    return sock


def listening(held: list[socket.socket]) -> list[socket.socket]:
    """In a child: the sockets to accept on. Linux: its own, on the addresses the parent holds; else the parent's."""
    if not REUSE_PORT:
        return held
    own = []
    for parent_socket in held:
        sock = _socket(parent_socket.family, parent_socket.type, parent_socket.proto, reuse_port=True)
        sock.bind(parent_socket.getsockname())
        sock.listen(BACKLOG)
        own.append(sock)
        parent_socket.close()  # this process's copy of the parent's socket
    return own


def _watch_parent(parent: int) -> None:
    """In a child: stop (as on SIGTERM) once the parent is gone, e.g. killed with SIGKILL."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os.kill(os.getpid(), signal.SIGTERM)


@dataclass
class Prefork:
    """The parent's side: fork ``processes`` children running ``serve_child(sockets)``; restart, stop."""

    sockets: list[socket.socket]
    processes: int
    serve_child: Callable[[list[socket.socket]], None]
    children: dict[int, float] = field(default_factory=dict)  # pid -> when it started

    def start(self) -> None:
        """Fork the children and return once each listens (or has failed), so the address printed next answers."""
        from django.db import connections

        connections.close_all()  # a forked child must never use the parent's database connection
        for _ in range(self.processes):
            self._spawn(wait_ready=True)

    def _spawn(self, *, wait_ready: bool = False) -> None:
        parent = os.getpid()
        ready_read, ready_write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: serve until SIGTERM/SIGINT, then leave without the parent's exit handlers
            code = 0
            try:
                os.close(ready_read)
                threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
                sockets = listening(self.sockets)
                os.write(ready_write, b"1")
                os.close(ready_write)
                self.serve_child(sockets)
            except SystemExit as stop:
                code = stop.code if isinstance(stop.code, int) else 0
            except BaseException as exc:  # only the type: a message could quote what someone wrote
                log.error("web process %d stopped by %s", os.getpid(), type(exc).__name__)
                code = 1
            finally:
                os._exit(code)
        os.close(ready_write)
        try:
            if wait_ready and select.select([ready_read], [], [], READY_SECONDS)[0]:
                os.read(
                    ready_read, 1
                )  # a byte: listening; nothing (end of file): it failed, wait() replaces it
        finally:
            os.close(ready_read)
        self.children[pid] = time.monotonic()

    def wait(self) -> None:
        """Keep ``processes`` children running until a signal stops the parent (SystemExit from its handler)."""
        while True:
            time.sleep(0.5)
            for pid, started in list(self.children.items()):
                try:
                    done, _ = os.waitpid(pid, os.WNOHANG)
                except ChildProcessError:
                    done = pid
                if done == 0:
                    continue
                del self.children[pid]  # died unexpectedly (killed, out of memory): start another
                log.warning("web process %d ended unexpectedly; starting another", pid)
                pause = RESPAWN_PAUSE_SECONDS - (time.monotonic() - started)
                if pause > 0:
                    time.sleep(pause)
                self._spawn()

    def terminate(self) -> None:
        """Ask every child to stop (SIGTERM: each finishes its requests in hand and leaves)."""
        for pid in list(self.children):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    def stop(self, grace: float = STOP_GRACE_SECONDS) -> None:
        """SIGTERM every child, wait up to ``grace`` seconds, SIGKILL whoever is left, reap all."""
        self.terminate()
        deadline = time.monotonic() + grace
        while self.children and time.monotonic() < deadline:
            for pid in list(self.children):
                with contextlib.suppress(ChildProcessError):
                    done, _ = os.waitpid(pid, os.WNOHANG)
                    if done == 0:
                        continue
                self.children.pop(pid, None)
            time.sleep(0.05)
        for pid in list(self.children):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
            self.children.pop(pid, None)


@contextlib.contextmanager
def running(
    sockets: list[socket.socket], processes: int, serve_child: Callable[[list[socket.socket]], None]
) -> Iterator[Prefork]:
    """Fork the children; whatever ends the block (a signal, an error) stops them all and closes the sockets."""
    group = Prefork(sockets, processes, serve_child)
    try:
        group.start()
        yield group
    finally:
        group.stop()
        for sock in sockets:
            sock.close()
