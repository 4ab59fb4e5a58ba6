// State of the interval plan, kept by the Plan page so it survives switching tabs. Small inputs are
// read and staffed on the main thread on every what-if change (a day takes well under a
// millisecond); big ones are read and staffed in a Web Worker, debounced, with progress, keeping the
// previous result on screen meanwhile.
import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { computePlan, NO_WHAT_IF, type PlanOutcome, type WhatIf } from './intervalCompute';
import { type CsvProblem, type IntervalTable, type ParseOutcome, parseIntervalCsv } from './intervalCsv';
import { PlanWorkerClient, runJob } from './workerProtocol';

/** Up to this many rows (a month of quarter-hours) are staffed on the main thread. */
export const SYNC_ROW_LIMIT = 3000;
/** Texts longer than this (about 3,000 rows) are read in the worker. */
const SYNC_PARSE_CHARS = 150_000;
const WORKER_DEBOUNCE_MS = 120;

export interface WorkProgress {
  phase: 'reading' | 'computing';
  /** 0…1 */
  fraction: number;
}

export interface IntervalPlanState {
  text: string;
  setText: (text: string) => void;
  /** Name of the uploaded file the table came from, or null for pasted text. */
  source: { fileName: string | null } | null;
  table: IntervalTable | null;
  problems: CsvProblem[];
  moreProblems: boolean;
  load: (text: string, fileName: string | null) => void;
  whatIf: WhatIf;
  setWhatIf: (next: WhatIf) => void;
  outcome: PlanOutcome | null;
  /** Set while the worker reads or computes. */
  progress: WorkProgress | null;
  workerError: string | null;
  dayIndex: number;
  setDayIndex: (index: number) => void;
  week: boolean;
  setWeek: (week: boolean) => void;
}

/** The ref's worker client, created on first use. */
function workerOf(ref: RefObject<PlanWorkerClient | null>): PlanWorkerClient {
  ref.current ??= new PlanWorkerClient();
  return ref.current;
}

export function useIntervalPlan(): IntervalPlanState {
  const [text, setText] = useState('');
  const [source, setSource] = useState<{ fileName: string | null } | null>(null);
  const [table, setTable] = useState<IntervalTable | null>(null);
  const [problems, setProblems] = useState<CsvProblem[]>([]);
  const [moreProblems, setMoreProblems] = useState(false);
  const [whatIf, setWhatIf] = useState<WhatIf>(NO_WHAT_IF);
  const [asyncOutcome, setAsyncOutcome] = useState<{ table: IntervalTable; outcome: PlanOutcome } | null>(
    null,
  );
  const [progress, setProgress] = useState<WorkProgress | null>(null);
  const [workerError, setWorkerError] = useState<string | null>(null);
  const [dayIndex, setDayIndex] = useState(0);
  const [week, setWeek] = useState(false);
  const client = useRef<PlanWorkerClient | null>(null);

  useEffect(() => () => client.current?.dispose(), []);

  const apply = useCallback((parsed: ParseOutcome) => {
    if (parsed.ok) {
      setTable(parsed.table);
      setProblems([]);
      setMoreProblems(false);
      setWeek(parsed.table.dates.length > 1 && parsed.table.dates.length <= 7);
    } else {
      setTable(null);
      setProblems(parsed.problems);
      setMoreProblems(parsed.moreProblems);
    }
  }, []);

  const load = useCallback(
    (input: string, fileName: string | null) => {
      client.current?.cancel();
      setProgress(null);
      setSource({ fileName });
      setAsyncOutcome(null);
      setWorkerError(null);
      setDayIndex(0);
      if (input.length <= SYNC_PARSE_CHARS) return apply(parseIntervalCsv(input));
      setTable(null);
      setProblems([]);
      setProgress({ phase: 'reading', fraction: 0 });
      runJob(
        workerOf(client),
        { kind: 'parse', text: input },
        {
          onProgress: (fraction) => setProgress({ phase: 'reading', fraction }),
          onSettled: () => setProgress(null),
          onDone: (done) => apply(done.outcome),
          onFailed: setWorkerError,
        },
      );
    },
    [apply],
  );

  const small = table !== null && table.count <= SYNC_ROW_LIMIT;
  const syncOutcome = useMemo(
    () => (table && small ? computePlan(table, whatIf) : null),
    [table, small, whatIf],
  );

  useEffect(() => {
    if (!table || small) return;
    const timer = window.setTimeout(() => {
      setProgress({ phase: 'computing', fraction: 0 });
      setWorkerError(null);
      runJob(
        workerOf(client),
        { kind: 'plan', table, whatIf },
        {
          onProgress: (fraction) => setProgress({ phase: 'computing', fraction }),
          onSettled: () => setProgress(null),
          onDone: (done) => setAsyncOutcome({ table, outcome: done.outcome }),
          onFailed: setWorkerError,
        },
      );
    }, WORKER_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [table, small, whatIf]);

  return {
    text,
    setText,
    source,
    table,
    problems,
    moreProblems,
    load,
    whatIf,
    setWhatIf,
    outcome: small ? syncOutcome : asyncOutcome?.table === table ? asyncOutcome.outcome : null,
    progress,
    workerError,
    dayIndex,
    setDayIndex,
    week,
    setWeek,
  };
}
