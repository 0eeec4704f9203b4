"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { FieldErrors } from "@/lib/errors";
import type { NeedSuggestions } from "@/lib/needs/suggest-for-need";
import { autosaveNeedAction, suggestAction } from "./actions";

export type WizardInitial = {
  needId: string | null;
  status: string | null;
  values: Record<string, string>;
  keywords: string[];
  collaborationModes: string[];
  /** The optional fields a confidential need shows in its teaser (set on the quick form). */
  teaserFields: string[];
  attachments: { id: string; fileName: string; sizeBytes: number; contentType: string }[];
};

/** What the wizard edits: text values by field name, plus the two lists. */
export type NeedDraft = { values: Record<string, string>; keywords: string[]; collaborationModes: string[] };

export type SaveState = { kind: "idle" | "saving" | "saved" | "failed"; at?: string };

const AUTOSAVE_AFTER_MS = 800;
const SUGGEST_AFTER_MS = 400;
const MAX_KEYWORDS = 20;

/**
 * The wizard's draft: its values, autosave shortly after the last change (a draft, not a
 * published need), the first save giving the draft its address, field errors from the server,
 * and suggestions (keywords, chain nodes, similar items) for what is typed so far.
 */
export function useNeedDraft({ locale, initial, visitId }: { locale: string; initial: WizardInitial; visitId?: string }) {
  const [draft, setDraft] = useState<NeedDraft>({
    values: { visibility: "PUBLIC", ...initial.values },
    keywords: initial.keywords,
    collaborationModes: initial.collaborationModes,
  });
  const [needId, setNeedId] = useState<string | null>(initial.needId);
  const [fields, setFields] = useState<FieldErrors>({});
  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  const [suggestions, setSuggestions] = useState<NeedSuggestions | null>(null);
  const isDraft = initial.status === null || initial.status === "DRAFT" || initial.status === "SUBMITTED";
  const dirty = useRef(false);
  const inFlight = useRef<Promise<unknown> | null>(null);
  // What save() sends: the latest draft, also from a timer set before the last change.
  const latest = useRef({ draft, needId });
  useEffect(() => {
    latest.current = { draft, needId };
  }, [draft, needId]);

  const change = (next: (d: NeedDraft) => NeedDraft) => {
    dirty.current = true;
    setDraft(next);
  };
  const setValue = (name: string, value: string) => change((d) => ({ ...d, values: { ...d.values, [name]: value } }));
  const addKeyword = (k: string) => change((d) => (d.keywords.includes(k) || d.keywords.length >= MAX_KEYWORDS ? d : { ...d, keywords: [...d.keywords, k] }));
  const removeKeyword = (k: string) => change((d) => ({ ...d, keywords: d.keywords.filter((x) => x !== k) }));
  const toggleMode = (m: string) =>
    change((d) => ({
      ...d,
      collaborationModes: d.collaborationModes.includes(m) ? d.collaborationModes.filter((x) => x !== m) : [...d.collaborationModes, m],
    }));

  /** Saves the draft now (published needs are saved only on "save changes"); the draft's id. */
  const save = useCallback(async (): Promise<string | null> => {
    const { draft: current, needId: id } = latest.current;
    if (!isDraft) return id;
    setSaveState({ kind: "saving" });
    const promise = autosaveNeedAction(locale, null, {
      needId: id ?? undefined,
      visitId,
      ...current.values,
      keywords: current.keywords,
      collaborationModes: current.collaborationModes,
    });
    inFlight.current = promise;
    const out = await promise;
    dirty.current = false;
    setFields(out.fields ?? {});
    const savedId = out.data?.id ?? id;
    if (savedId && savedId !== id) {
      setNeedId(savedId);
      latest.current.needId = savedId;
      // The draft now has an address: a reload comes back to it.
      window.history.replaceState(null, "", `/${locale}/needs/${savedId}/wizard`);
    }
    setSaveState(out.status === "success" ? { kind: "saved", at: new Date().toLocaleTimeString(locale) } : { kind: "failed" });
    return savedId;
  }, [isDraft, locale, visitId]);

  /** Waits for a save under way, then saves what changed since; the draft's id, if it has one. */
  const flush = useCallback(async (): Promise<string | null> => {
    if (inFlight.current) await inFlight.current;
    return dirty.current ? save() : latest.current.needId;
  }, [save]);

  // Autosave shortly after the last change.
  useEffect(() => {
    if (!dirty.current || !isDraft) return;
    const timer = setTimeout(() => dirty.current && void save(), AUTOSAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [draft, isDraft, save]);

  // Suggestions a little after the text or the keywords change.
  const { title = "" } = draft.values;
  const text = [draft.values.description, draft.values.triedSoFar, draft.values.desiredOutcome, draft.values.acceptanceCriteria].filter(Boolean).join("\n");
  const keywordKey = draft.keywords.join("|");
  useEffect(() => {
    if (!title && !text) return;
    const timer = setTimeout(() => {
      const { draft: current, needId: id } = latest.current;
      void suggestAction(locale, null, { title, text, keywords: current.keywords, excludeId: id ?? undefined }).then((out) => {
        if (out.status === "success" && out.data) setSuggestions(out.data);
      });
    }, SUGGEST_AFTER_MS);
    return () => clearTimeout(timer);
  }, [locale, title, text, keywordKey]);

  return { draft, needId, isDraft, fields, showErrors: setFields, saveState, suggestions, setValue, addKeyword, removeKeyword, toggleMode, save, flush };
}

export type NeedDraftState = ReturnType<typeof useNeedDraft>;
