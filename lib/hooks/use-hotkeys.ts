"use client";

import { useEffect, useEffectEvent } from "react";

/*
 * Hand-written rather than react-hotkeys-hook: the board needs single keys,
 * "mod+k" and Linear-style "g b" sequences, which fit in ~100 lines with no
 * dependency, no provider and no scope system to learn.
 *
 * Spec syntax (case-insensitive):
 *   "c", "/", "?", "Escape", "ArrowDown"  single key
 *   "mod+k", "shift+enter", "alt+n"       modifiers; mod = Ctrl, or ⌘ on macOS
 *   "g b"                                 sequence: g, then b within 1 s
 */

export type HotkeyHandler = (event: KeyboardEvent) => void;
export type HotkeyMap = Record<string, HotkeyHandler>;

export type UseHotkeysOptions = {
  /** Turn every binding off, e.g. while a form dialog is open. Default true. */
  enabled?: boolean;
  /** Also fire while focus is inside a [role=dialog]. Default false. */
  allowInDialogs?: boolean;
};

const SEQUENCE_TIMEOUT_MS = 1000;
const MODIFIER_KEYS = new Set(["Shift", "Control", "Alt", "Meta", "CapsLock"]);
const ALIASES: Record<string, string> = { esc: "escape", space: " ", plus: "+", return: "enter" };

type Pending = { first: string; at: number } | null;
type Chord = { key: string; mod: boolean; ctrl: boolean; meta: boolean; alt: boolean; shift: boolean };

function parseChord(spec: string): Chord {
  const parts = spec.toLowerCase().split("+").filter(Boolean);
  const key = parts.pop() ?? "";
  return {
    key: ALIASES[key] ?? key,
    mod: parts.includes("mod"),
    ctrl: parts.includes("ctrl"),
    meta: parts.includes("meta") || parts.includes("cmd"),
    alt: parts.includes("alt") || parts.includes("option"),
    shift: parts.includes("shift"),
  };
}

function matches(chord: Chord, e: KeyboardEvent): boolean {
  // With Alt held, macOS turns letters into symbols; fall back to the physical key.
  const typed = e.key.toLowerCase();
  const physical = e.code.startsWith("Key") ? e.code.slice(3).toLowerCase() : typed;
  if (chord.key !== typed && !(chord.alt && chord.key === physical)) return false;
  const wantCtrl = chord.ctrl || (chord.mod && !isMac());
  const wantMeta = chord.meta || (chord.mod && isMac());
  if (e.ctrlKey !== wantCtrl || e.metaKey !== wantMeta || e.altKey !== chord.alt) return false;
  // Shift is how "?" is typed, so it only matters for letters and named keys.
  const symbol = chord.key.length === 1 && !/[a-z0-9]/.test(chord.key);
  return symbol || e.shiftKey === chord.shift;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) {
    return true;
  }
  if (target instanceof HTMLInputElement) {
    return !["checkbox", "radio", "button", "submit", "reset", "range", "color"].includes(target.type);
  }
  return false;
}

/** True on macOS/iOS, where "mod" means ⌘. Only meaningful in the browser. */
export function isMac(): boolean {
  return typeof navigator !== "undefined" && /mac|iphone|ipad|ipod/i.test(navigator.platform || navigator.userAgent);
}

const KEY_LABELS: Record<string, [mac: string, other: string]> = {
  mod: ["⌘", "Ctrl"],
  meta: ["⌘", "Win"],
  cmd: ["⌘", "Win"],
  ctrl: ["⌃", "Ctrl"],
  alt: ["⌥", "Alt"],
  shift: ["⇧", "Shift"],
  enter: ["↵", "Enter"],
  escape: ["Esc", "Esc"],
  arrowup: ["↑", "↑"],
  arrowdown: ["↓", "↓"],
  arrowleft: ["←", "←"],
  arrowright: ["→", "→"],
};

/** Key-cap labels for a spec: "mod+k" → ["⌘", "K"], "g b" → ["G", "B"]. */
export function hotkeyLabels(spec: string, mac = isMac()): string[] {
  return spec
    .split(" ")
    .filter(Boolean)
    .flatMap((chord) => chord.split(/\+(?!$)/))
    .map((key) => {
      const label = KEY_LABELS[key.toLowerCase()];
      if (label) return mac ? label[0] : label[1];
      return key.length === 1 ? key.toUpperCase() : key;
    });
}

/**
 * Binds keyboard shortcuts on window for the lifetime of the component.
 * Handlers always see the latest props (no deps array needed). Keys typed in
 * inputs, textareas, selects and contenteditable are ignored, except Escape
 * and Ctrl/⌘ chords (so "mod+enter" can submit). Keys pressed inside an open
 * menu or listbox are ignored so they do not fight its typeahead, and so are
 * keys a component already handled (Radix prevents the Escape that closes a
 * dialog, so it does not also clear the board selection). When a key
 * both starts a sequence ("g b") and is bound alone ("g"), the sequence wins.
 */
export function useHotkeys(map: HotkeyMap, options: UseHotkeysOptions = {}): void {
  const { enabled = true, allowInDialogs = false } = options;

  // Returns the sequence state for the next key press.
  const onKeyDown = useEffectEvent((e: KeyboardEvent, pending: Pending): Pending => {
    if (MODIFIER_KEYS.has(e.key)) return pending;
    if (e.isComposing || e.defaultPrevented) return null;
    const target = e.target instanceof Element ? e.target : null;
    const escape = e.key === "Escape";
    if (!escape && !e.ctrlKey && !e.metaKey && isTyping(e.target)) return null;
    if (target?.closest('[role="menu"],[role="listbox"]')) return null;
    if (!escape && !allowInDialogs && target?.closest('[role="dialog"],[role="alertdialog"]')) return null;

    const bindings = Object.entries(map).map(([spec, handler]) => {
      const [first = "", second] = spec.trim().toLowerCase().split(/\s+/);
      return { first, second, handler };
    });

    if (pending && e.timeStamp - pending.at < SEQUENCE_TIMEOUT_MS) {
      const hit = bindings.find((b) => b.second && b.first === pending.first && matches(parseChord(b.second), e));
      if (hit) {
        e.preventDefault();
        hit.handler(e);
        return null;
      }
    }

    const starter = bindings.find((b) => b.second && matches(parseChord(b.first), e));
    if (starter) return e.repeat ? null : { first: starter.first, at: e.timeStamp };

    const single = bindings.find((b) => !b.second && matches(parseChord(b.first), e));
    if (single) {
      e.preventDefault();
      single.handler(e);
    }
    return null;
  });

  useEffect(() => {
    if (!enabled) return;
    let pending: Pending = null;
    const listener = (e: KeyboardEvent) => {
      pending = onKeyDown(e, pending);
    };
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, [enabled]);
}
