/**
 * State and transition coverage of machines, measured from what actually ran
 * (`@xstate.microstep` inspection events), against every node and transition the machines define.
 */
import type { AnyStateMachine, InspectionEvent } from 'xstate';

interface NodeLike {
  id: string;
  states: Record<string, NodeLike>;
  transitions: Map<string, TransitionLike[]>;
  always?: TransitionLike[];
}
interface TransitionLike {
  source: NodeLike;
  eventType: string;
}

function nodesOf(node: NodeLike): NodeLike[] {
  return [node, ...Object.values(node.states).flatMap(nodesOf)];
}

function transitionKey(transition: TransitionLike): string {
  const { source, eventType } = transition;
  const list = eventType === '' ? (source.always ?? []) : (source.transitions.get(eventType) ?? []);
  return `${source.id} ${eventType || 'always'} #${list.indexOf(transition)}`;
}

export class ModelCoverage {
  readonly states = new Set<string>();
  readonly transitions = new Set<string>();
  readonly seenStates = new Set<string>();
  readonly seenTransitions = new Set<string>();

  constructor(machines: AnyStateMachine[]) {
    for (const machine of machines) {
      for (const node of nodesOf(machine.root as unknown as NodeLike)) {
        this.states.add(node.id);
        for (const list of node.transitions.values()) for (const t of list) this.transitions.add(transitionKey(t));
        for (const t of node.always ?? []) this.transitions.add(transitionKey(t));
      }
    }
  }

  /** Pass as the actor's `inspect` option. */
  readonly inspect = (event: InspectionEvent): void => {
    if (event.type !== '@xstate.microstep') return;
    const snapshot = event.snapshot as unknown as { _nodes?: NodeLike[] };
    for (const node of snapshot._nodes ?? []) if (this.states.has(node.id)) this.seenStates.add(node.id);
    for (const t of event._transitions as unknown as TransitionLike[]) {
      // A transition's source was active, even a transient one (`always`) no snapshot rests in.
      this.seenStates.add(t.source.id);
      const key = transitionKey(t);
      if (this.transitions.has(key)) this.seenTransitions.add(key);
    }
  };

  /** Ids matching a prefix ('call.' or 'toolbar.'), so one model's coverage is reported alone. */
  report(prefix: string, unreachable: Record<string, string> = {}) {
    const pick = (set: Set<string>) => [...set].filter((id) => id === prefix || id.startsWith(`${prefix}.`) || id.startsWith(`${prefix} `));
    const states = pick(this.states);
    const transitions = pick(this.transitions);
    const seenStates = states.filter((id) => this.seenStates.has(id) || id in unreachable);
    const seenTransitions = transitions.filter((id) => this.seenTransitions.has(id) || id in unreachable);
    return {
      line: `model coverage (${prefix}): states ${seenStates.length}/${states.length}, transitions ${seenTransitions.length}/${transitions.length}`,
      missingStates: states.filter((id) => !seenStates.includes(id)),
      missingTransitions: transitions.filter((id) => !seenTransitions.includes(id)),
    };
  }
}

/**
 * The paths that are not the start of a longer one. Shortest paths grow one step from the path to
 * their predecessor, so every step of a dropped path is run, and checked, inside a longer path.
 */
export function longestPaths<P extends { steps: readonly { event: { type: string } }[] }>(paths: readonly P[]): P[] {
  const signature = (steps: readonly { event: unknown }[]) => steps.map((step) => JSON.stringify(step.event)).join('\u0001');
  const prefixes = new Set<string>();
  for (const path of paths) {
    for (let length = 1; length < path.steps.length; length += 1) prefixes.add(signature(path.steps.slice(0, length)));
  }
  return paths.filter((path) => !prefixes.has(signature(path.steps)));
}
