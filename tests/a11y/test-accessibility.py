#!/usr/bin/python3
# test-accessibility.py: every control of every page and dialog has a name
#
# Copyright 2026 Target Ledger developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the built application on a fresh ledger under a private session bus
# (and so a private accessibility bus, started by D-Bus activation of
# at-spi-bus-launcher), drives it with the keyboard as a user without a mouse
# would (xdotool: Tab, arrows, Enter, Escape, F10, Ctrl+N, Ctrl+R, Ctrl+I,
# Ctrl+E, Ctrl+comma; the area pages by AT-SPI selection of the sidebar) and
# walks the accessibility tree of: the main window on the overview, each
# area page, an indicator page, Record Value, Edit Indicator (from a row's
# menu), the import preview, the merge of data packages, Record Period,
# Preferences, Responsible Units, Backups, About and Export Data Package. A
# point fails, naming each one, on any control a screen reader would
# announce without a name, or when the keys do not open or close what they
# should.
#
# What GTK 4.8 reports over AT-SPI, as this test reads it:
# - An accessible's name is its `label` property, else the names of what it
#   is `labelled-by`, else for a button the text of its children. When all of
#   these are empty GTK 4.8 answers the widget's type name ("GtkImage" for an
#   icon-only button, "GtkMenuButton", "GtkToggleButton" inside a
#   drop-down), and for a list box row an empty string: a row is not named
#   by the labels inside it. Both mean "no name" here.
# - A tooltip becomes the accessible *description*, never the name: an
#   icon-only button with a tooltip is still unnamed.
# - Hidden widgets are not in the tree; widgets not laid out (a closed
#   search bar, a subpage or a stack page not shown) are, with an empty
#   extent and no `showing` state: they are checked when shown.
# - AdwComboRow shows its choice in a list of its own, which takes neither
#   focus nor clicks: a row of a list inside a named combo box is part of it.
# - GTK's file chooser is GTK's, not ours: it is not walked. Neither are
#   scroll bars named: GTK's scroll bars take no focus, the content scrolls.
# - Pages of a stack stay in the tree once built; each control is reported
#   once, on the first page or dialog it is found in.
#
# Usage: test-accessibility.py TARGET-LEDGER-BINARY. The environment is the
# UI tests' (LANGUAGE, TARGET_LEDGER_LOCALEDIR, GSETTINGS_SCHEMA_DIR); the
# test output is TAP.

import gettext
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

PRIVATE_BUS = 'TARGET_LEDGER_A11Y_PRIVATE_BUS'
TAP_FD = 'TARGET_LEDGER_A11Y_TAP_FD'

# A private session bus first: the accessibility bus it activates, and every
# application on it, are this test's alone. The daemons it starts write on
# their standard output: it is the standard error, and the test's output (TAP)
# goes on a descriptor of its own.
if os.environ.get(PRIVATE_BUS) != '1':
    tap = os.dup(1)
    os.set_inheritable(tap, True)
    os.environ[PRIVATE_BUS] = '1'
    os.environ[TAP_FD] = str(tap)
    os.dup2(2, 1)
    os.execvp('dbus-run-session', ['dbus-run-session', '--', sys.executable] + sys.argv)
sys.stdout = os.fdopen(int(os.environ[TAP_FD]), 'w', buffering=1)

import gi  # noqa: E402  (after the private bus is set up)

gi.require_version('Gio', '2.0')
from gi.repository import Gio, GLib  # noqa: E402


def accessibility_bus_address():
    """Starts the private accessibility bus (org.a11y.Bus) and returns its
    address, so that the application and this test both use it and nothing
    else: not a bus announced on the display."""
    session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    reply = session.call_sync('org.a11y.Bus', '/org/a11y/bus', 'org.a11y.Bus', 'GetAddress',
                              None, GLib.VariantType.new('(s)'), Gio.DBusCallFlags.NONE, 10000, None)
    return reply.unpack()[0]


os.environ['AT_SPI_BUS_ADDRESS'] = accessibility_bus_address()
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

TIMEOUT = 15.0

# The roles that take input or focus and must have a name of their own.
NAMED_ROLES = {
    Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON, Atspi.Role.CHECK_BOX, Atspi.Role.RADIO_BUTTON,
    Atspi.Role.ENTRY, Atspi.Role.TEXT, Atspi.Role.PASSWORD_TEXT, Atspi.Role.SPIN_BUTTON,
    Atspi.Role.COMBO_BOX, Atspi.Role.LIST_BOX, Atspi.Role.LIST_ITEM, Atspi.Role.TREE_ITEM,
    Atspi.Role.TABLE_ROW, Atspi.Role.MENU_ITEM, Atspi.Role.CHECK_MENU_ITEM,
    Atspi.Role.RADIO_MENU_ITEM, Atspi.Role.SLIDER, Atspi.Role.LINK, Atspi.Role.PAGE_TAB,
    # The status pills and the summaries of counts: their text is what they say.
    Atspi.Role.STATUS_BAR,
}
# Drawn widgets (charts, bars, pace bars) need a text alternative; GTK's own
# icons next to text (GtkImage) are decoration and say nothing.
DRAWN_ROLES = {Atspi.Role.IMAGE, Atspi.Role.PROGRESS_BAR, Atspi.Role.LEVEL_BAR}
# libadwaita 1.2's AdwAboutWindow leaves its version button unnamed; the
# window is libadwaita's, its content the application's own words.
ABOUT_TODO = 'the version button inside libadwaita 1.2\'s AdwAboutWindow'
TYPE_NAME = re.compile(r'^(Gtk|Adw|Ledger)[A-Z][A-Za-z]*$')

localedir = os.environ.get('TARGET_LEDGER_LOCALEDIR')
language = os.environ.get('LANGUAGE', 'en')
_ = gettext.translation('target-ledger', localedir, languages=[language], fallback=True).gettext


def menu_label(text):
    """The name GTK gives a menu item: its label without the mnemonic's
    underscore."""
    return _(text).replace('_', '')


class Failure(Exception):
    pass


def pump():
    """Lets libatspi deliver the events it has received (focus changes)."""
    context = GLib.MainContext.default()
    while context.pending():
        context.iteration(False)


def wait_for(what, predicate, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while True:
        pump()
        result = predicate()
        if result:
            return result
        if time.monotonic() > deadline:
            raise Failure(f'timed out waiting for {what}')
        time.sleep(0.1)


def children(accessible):
    try:
        count = accessible.get_child_count()
    except GLib.Error:
        return
    for i in range(count):
        try:
            child = accessible.get_child_at_index(i)
        except GLib.Error:
            continue
        if child is not None:
            yield child


def walk(accessible, path=()):
    yield accessible, path
    for child in children(accessible):
        try:
            step = f'{child.get_role_name()}'
        except GLib.Error:
            continue
        yield from walk(child, path + (step,))


def is_unnamed(name):
    return name is None or name.strip() == '' or TYPE_NAME.match(name) is not None


def describe(accessible, path):
    name = accessible.get_name()
    description = accessible.get_description()
    where = ' > '.join(path[-4:])
    hint = f', description {description!r}' if description else ''
    texts = [a.get_name() for a, _path in walk(accessible)
             if a.get_role() == Atspi.Role.LABEL and a.get_name()][:3]
    inside = f', around {texts!r}' if texts else ''
    return f'{accessible.get_role_name()} named {name!r}{hint}{inside} at … > {where}'


def on_screen(accessible):
    """Whether the accessible is laid out on screen: GTK 4.8 keeps hidden
    parts in the tree (a closed search bar, a subpage not shown) with an
    empty extent, and reports no `showing` state."""
    extents = accessible.get_extents(Atspi.CoordType.WINDOW)
    return extents.width > 0 and extents.height > 0


def is_display(accessible):
    """A list item inside a named combo box is the box's display of its
    choice, not a control of its own: AdwComboRow shows it in a list that
    takes neither focus nor clicks (GTK 4.8 still calls it focusable)."""
    if accessible.get_role() != Atspi.Role.LIST_ITEM:
        return False
    ancestor = accessible.get_parent()
    for _level in range(4):
        if ancestor is None:
            return False
        if ancestor.get_role() == Atspi.Role.COMBO_BOX:
            return not is_unnamed(ancestor.get_name())
        ancestor = ancestor.get_parent()
    return False


def lacks_name(role, name):
    if role in NAMED_ROLES:
        return is_unnamed(name)
    # The project's own drawn widgets need a text alternative.
    return role in DRAWN_ROLES and name.startswith('Ledger') and is_unnamed(name)


def unnamed_controls(window):
    """Every control of the window a screen reader would announce without a
    name, as (its object path, a description). A GTK file chooser inside is
    left out: it is GTK's."""
    problems = []
    for accessible, path in walk(window):
        try:
            role = accessible.get_role()
            name = accessible.get_name()
            if (role == Atspi.Role.FILE_CHOOSER or 'file chooser' in path
                    or not lacks_name(role, name)
                    or not on_screen(accessible) or is_display(accessible)):
                continue
            problems.append((accessible.path, describe(accessible, path)))
        except GLib.Error:
            continue
    return problems


class App:
    def __init__(self, binary, db, env):
        self.process = subprocess.Popen([binary, '--db', db], env=env)
        desktop = Atspi.get_desktop(0)
        desktop.set_cache_mask(Atspi.Cache.NONE)
        self.accessible = wait_for('the application on the accessibility bus', self.find_on(desktop))
        self.main = wait_for('the main window', lambda: self.windows()[0] if self.windows() else None)

    def find_on(self, desktop):
        def find():
            for application in children(desktop):
                if application.get_process_id() == self.process.pid and application.get_child_count() > 0:
                    application.set_cache_mask(Atspi.Cache.NONE)
                    return application
            return None
        return find

    def windows(self):
        self.accessible.clear_cache()
        return [w for w in children(self.accessible)
                if w.get_state_set().contains(Atspi.StateType.VISIBLE)]

    def new_window(self, before):
        """The window that has appeared since BEFORE, a list of windows."""
        def find():
            for window in self.windows():
                if window not in before:
                    return window
            return None
        return wait_for('a new window', find)

    def focus_main(self):
        """Gives the main window the keyboard, as a window manager would when
        a dialog closes: Xvfb has none, and the focus may stay nowhere."""
        title = self.main.get_name()
        found = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(self.process.pid),
                                '--name', f'^{re.escape(title)}$'], capture_output=True, text=True)
        for window in found.stdout.split():
            subprocess.run(['xdotool', 'windowfocus', '--sync', window], check=False)

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def key(*keys):
    """Presses KEYS on the focused window, as a keyboard user would."""
    subprocess.run(['xdotool', 'key', '--clearmodifiers', '--delay', '50'] + list(keys), check=True)
    time.sleep(0.3)


def find(root, predicate, what):
    def search():
        root.clear_cache()
        for accessible, _path in walk(root):
            try:
                if predicate(accessible):
                    return accessible
            except GLib.Error:
                continue
        return None
    return wait_for(what, search)


def has_state(accessible, state):
    return accessible.get_state_set().contains(state)


class Run:
    def __init__(self):
        self.number = 0
        self.failed = 0
        self.seen = set()

    def check(self, title, found, todo=None):
        """One test point: FOUND are the problems of a page or dialog; TODO
        says why they are known and not the project's to fix."""
        problems = [text for where, text in found if where not in self.seen]
        self.seen.update(where for where, _text in found)
        self.number += 1
        if problems and todo:
            print(f'not ok {self.number} - {title}: {len(problems)} without a name # TODO {todo}')
            for problem in problems:
                print(f'# {problem}')
        elif problems:
            self.failed += 1
            print(f'not ok {self.number} - {title}: {len(problems)} without a name')
            for problem in problems:
                print(f'# {problem}')
        else:
            print(f'ok {self.number} - {title}')
        sys.stdout.flush()

    def step(self, title, function):
        """Runs one step of the walk; a step that cannot be reached fails
        and the walk goes on."""
        try:
            function()
        except (Failure, GLib.Error, subprocess.CalledProcessError) as error:
            self.number += 1
            self.failed += 1
            print(f'not ok {self.number} - {title}: {error}')
            sys.stdout.flush()


def check_opens(run, app, title, keys):
    """KEYS open a window (GTK's file chooser, not walked) that Escape
    closes."""
    before = app.windows()
    app.focus_main()
    key(*keys)
    window = app.new_window(before)
    key('Escape')
    wait_for(f'Escape to close {title}', lambda: window not in app.windows())
    run.check(title, [])


def check_dialog(run, app, title, open_keys=None, open_function=None, close_keys=('Escape',), todo=None):
    """Opens a dialog, by keys or by OPEN_FUNCTION, checks it, and closes it
    with CLOSE_KEYS: a dialog the keyboard cannot close keeps its user in
    it."""
    before = app.windows()
    app.focus_main()
    if open_keys:
        key(*open_keys)
    else:
        open_function()
    window = app.new_window(before)
    time.sleep(0.5)
    run.check(f'{title} ({window.get_name()})', unnamed_controls(window), todo)
    key(*close_keys)
    wait_for(f'{" ".join(close_keys)} to close {title}', lambda: window not in app.windows())


class Focus:
    """Follows the keyboard focus as the application reports it."""

    def __init__(self):
        self.current = None
        self.listener = Atspi.EventListener.new(self.changed)
        self.listener.register('object:state-changed:focused')

    def changed(self, event):
        if event.detail1:
            self.current = event.source

    def tab_to(self, what, predicate, keys=('Tab',), presses=40):
        """Presses KEYS until the focus is on what PREDICATE accepts."""
        for _press in range(presses):
            key(*keys)
            pump()
            if self.current is not None and predicate(self.current):
                return self.current
        raise Failure(f'{" ".join(keys)} never reaches {what}')


def sidebar(app):
    """The sidebar's list: the list whose rows are selected as the user
    moves through the areas (the overview's own list selects nothing)."""
    def is_sidebar(a):
        return (a.get_role() == Atspi.Role.LIST
                and any(has_state(row, Atspi.StateType.SELECTED) for row in children(a)))
    return find(app.main, is_sidebar, 'the sidebar')


def page_stack(app):
    """The stack of pages: the overview page's parent's parent."""
    def is_stack(a):
        return any(page.get_name() == 'LedgerOverviewPage'
                   for stack_page in children(a) for page in children(stack_page))
    return find(app.main, is_stack, 'the stack of pages')


def open_menu_item(focus, *labels):
    """Opens the main menu with F10 and goes down to its item LABELS,
    through submenus, and presses Enter on each."""
    key('F10')
    for label in labels:
        name = menu_label(label)
        focus.tab_to(f'menu item {label}', lambda a: a.get_name() == name, keys=('Down',), presses=20)
        key('Return')


def walk_areas(run, app):
    """Each area's page, the first time it is shown: the pages stay in the
    stack, so only the new one is walked."""
    areas = sidebar(app)
    stack = page_stack(app)
    walked = set(page.path for page in children(stack))
    for index in range(1, areas.get_child_count()):
        row = areas.get_child_at_index(index)
        areas.select_child(index)
        wait_for('the area\'s row to be selected', lambda: has_state(row, Atspi.StateType.SELECTED))
        time.sleep(0.5)
        pages = [page for page in children(stack) if page.path not in walked]
        walked.update(page.path for page in pages)
        run.check(f'area page {index} ({row.get_name()})',
                  [problem for page in pages for problem in unnamed_controls(page)])


def is_sidebar_row(a):
    return a.get_role() == Atspi.Role.LIST_ITEM and a.get_parent().get_role() == Atspi.Role.LIST


def is_indicator_row(a):
    """An indicator's row: a row with buttons of its own (Record Value)."""
    return (a.get_role() == Atspi.Role.LIST_ITEM
            and any(b.get_role() == Atspi.Role.PUSH_BUTTON for b, _path in walk(a)))


def is_chart(a):
    """The indicator page's chart: drawn, named and described."""
    return a.get_role() == Atspi.Role.IMAGE and not is_unnamed(a.get_name()) and a.get_description() != ''


def walk_indicator(run, app, focus):
    """By the keyboard alone: Tab to the sidebar, Down to the first area,
    Enter to its page, Tab to its first indicator, Ctrl+N for Record Value,
    Escape, Enter for the indicator's page, Escape back."""
    focus.tab_to('the sidebar', is_sidebar_row)
    key('Down', 'Return')
    row = focus.tab_to('an indicator row', is_indicator_row)
    check_dialog(run, app, 'Record Value (Ctrl+N on a row)', open_keys=['ctrl+n'])
    wait_for('the focus back on the row', lambda: focus.current == row)
    key('Return')
    find(app.main, is_chart, 'the indicator page\'s chart')
    time.sleep(0.5)
    run.check('indicator page (Enter on a row)', unnamed_controls(app.main))
    key('Escape')
    wait_for('Escape back to the area page', lambda: focus.current == row)
    # The row's menu: Tab to its More button, Enter, Down to Edit Indicator.
    focus.tab_to('the row\'s menu button', lambda a: a.get_role() == Atspi.Role.TOGGLE_BUTTON
                 or (a.get_role() == Atspi.Role.PUSH_BUTTON and a.get_name() == _('More')), presses=4)
    edit = menu_label('_Edit Indicator…')
    check_dialog(run, app, 'Edit Indicator (the row\'s menu)',
                 open_function=lambda: (key('Return'),
                                        focus.tab_to(edit, lambda a: a.get_name() == edit, keys=('Down',),
                                                     presses=4),
                                        key('Return')))


def open_file(app, path, open_chooser):
    """Opens a file chooser, then types the file into it: a path typed
    there opens the location entry."""
    before = app.windows()
    open_chooser()
    chooser = app.new_window(before)
    time.sleep(0.5)
    subprocess.run(['xdotool', 'type', '--delay', '20', path], check=True)
    key('Return')
    wait_for('the file chooser to close', lambda: chooser not in app.windows())


def main():
    binary = sys.argv[1]
    home = tempfile.mkdtemp(prefix='target-ledger-a11y-')
    env = dict(os.environ)
    # The UI tests turn the accessibility bridge off; this one needs it.
    for name in ('NO_AT_BRIDGE', 'GTK_A11Y'):
        env.pop(name, None)
    env['HOME'] = home
    for folder in ('XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME'):
        env[folder] = os.path.join(home, folder)
        os.makedirs(env[folder])
    db = os.path.join(home, 'ledger.sqlite3')
    values = os.path.join(home, 'values.csv')
    with open(values, 'w', encoding='utf-8') as csv:
        csv.write('code,period,value\ngdp-growth,2026-Q1,5.2\ngdp-growth,2026-Q2,3.1\n'
                  'new-urban-jobs,2026-03,0.8\nnew-urban-jobs,2026-06,2.6\n')
    subprocess.run([binary, '--db', db, '--import-csv', values], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    # A unit's data package, with a value that differs from the ledger's.
    package = os.path.join(home, 'unit.tlpkg')
    unit_db = os.path.join(home, 'unit.sqlite3')
    with open(os.path.join(home, 'unit.csv'), 'w', encoding='utf-8') as csv:
        csv.write('code,period,value\nnew-urban-jobs,2026-06,2.9\nnew-urban-jobs,2026-09,3.5\n')
    subprocess.run([binary, '--db', unit_db, '--import-csv', os.path.join(home, 'unit.csv')], env=env,
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run([binary, '--db', unit_db, '--export-package', package, '--unit', '市人社局'], env=env,
                   check=True, stdout=subprocess.DEVNULL)
    # To import: a value to add, one to change and a row refused.
    changes = os.path.join(home, 'changes.csv')
    with open(changes, 'w', encoding='utf-8') as csv:
        csv.write('code,period,value\ngdp-growth,2026-Q3,5.0\nnew-urban-jobs,2026-06,2.7\n'
                  'no-such-indicator,2026-06,1\n')

    run = Run()
    focus = Focus()
    app = App(binary, db, env)
    try:
        time.sleep(1)
        run.check('main window, overview', unnamed_controls(app.main))
        run.step('indicator page', lambda: walk_indicator(run, app, focus))
        run.step('area pages', lambda: walk_areas(run, app))
        run.step('Import Values', lambda: check_dialog(
            run, app, 'Import Values (Ctrl+I)',
            open_function=lambda: open_file(app, changes, lambda: key('ctrl+i'))))
        run.step('Import Data Packages', lambda: check_dialog(
            run, app, 'Import Data Packages (F10, menu)',
            open_function=lambda: open_file(app, package,
                                            lambda: open_menu_item(focus, 'Import _Data Packages…'))))
        # The main menu has no submenu: a menu closed from a GTK 4.8 submenu
        # left the window deaf to the keyboard, and the steps after this
        # one failed.
        run.step('Export a Data Package', lambda: check_dialog(
            run, app, 'Data Package of a Unit (F10, menu)',
            open_function=lambda: open_menu_item(focus, 'Data Package of a _Unit…')))
        # Escape in the sheet takes back the row's figure; Alt+C is Cancel.
        run.step('Record Period', lambda: check_dialog(run, app, 'Record Period (Ctrl+R)',
                                                        open_keys=['ctrl+r'], close_keys=['alt+c']))
        run.step('Export as CSV', lambda: check_opens(run, app, 'Export as CSV (Ctrl+E) asks for a file',
                                                      ['ctrl+e']))
        run.step('Preferences', lambda: check_dialog(run, app, 'Preferences (Ctrl+comma)',
                                                      open_keys=['ctrl+comma']))
        run.step('Responsible Units', lambda: check_dialog(
            run, app, 'Responsible Units (F10, menu)',
            open_function=lambda: open_menu_item(focus, 'Responsible Uni_ts…')))
        run.step('Backups', lambda: check_dialog(run, app, 'Backups (F10, menu)',
                                                 open_function=lambda: open_menu_item(focus, '_Backups…')))
        run.step('About', lambda: check_dialog(run, app, 'About (F10, menu)',
                                               open_function=lambda: open_menu_item(focus, '_About Target Ledger'),
                                               todo=ABOUT_TODO))
    finally:
        app.close()
        shutil.rmtree(home, ignore_errors=True)
    print(f'1..{run.number}')
    return 1 if run.failed else 0


if __name__ == '__main__':
    sys.exit(main())
