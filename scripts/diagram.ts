/**
 * Mermaid state diagrams generated from the machines themselves, so the README cannot drift:
 * `npm run diagram` prints them, and a test checks the README holds exactly this output.
 */
import type { AnyStateMachine } from 'xstate';
import { callMachine } from '../src/machines/call.machine';
import { toolbarMachine } from '../src/machines/toolbar.machine';

interface Node {
  id: string;
  key: string;
  type: string;
  initial?: { target: Node[] };
  states: Record<string, Node>;
  transitions: Map<string, { target?: Node[]; guard?: { type?: string } | string }[]>;
  always?: { target?: Node[]; guard?: { type?: string } | string }[];
}

const name = (node: Node) => node.id.replace(/\./g, '_');

function label(eventType: string): string {
  const after = /^xstate\.after\.(\w+)\./.exec(eventType);
  if (after) return `after ${after[1]}`;
  return eventType === '' ? 'always' : eventType;
}

function guardName(guard: { type?: string } | string | undefined): string {
  if (!guard) return '';
  return ` [${typeof guard === 'string' ? guard : (guard.type ?? 'guard')}]`;
}

function edgesFrom(node: Node, pad: string, lines: string[]): void {
  const edges = [...node.transitions.entries()].flatMap(([type, list]) => list.map((t) => ({ type, t })));
  for (const t of node.always ?? []) edges.push({ type: '', t });
  for (const { type, t } of edges) {
    // Finished calls are collected by a wildcard handler with no target: nothing to draw.
    for (const target of t.target ?? []) lines.push(`${pad}${name(node)} --> ${name(target)} : ${label(type)}${guardName(t.guard)}`);
  }
}

/** Declares a compound or parallel node's children, their nested blocks and their edges. */
function renderInside(node: Node, depth: number, lines: string[]): void {
  const pad = '  '.repeat(depth);
  const children = Object.values(node.states);
  if (node.type === 'parallel') {
    children.forEach((region, index) => {
      if (index > 0) lines.push(`${pad}--`);
      lines.push(`${pad}state "${region.key}" as ${name(region)}`);
      lines.push(`${pad}state ${name(region)} {`);
      renderInside(region, depth + 1, lines);
      lines.push(`${pad}}`);
    });
    for (const region of children) edgesFrom(region, pad, lines);
    return;
  }
  const initial = node.initial?.target[0];
  if (initial) lines.push(`${pad}[*] --> ${name(initial)}`);
  for (const child of children) {
    lines.push(`${pad}state "${child.key}" as ${name(child)}`);
    if (Object.keys(child.states).length > 0) {
      lines.push(`${pad}state ${name(child)} {`);
      renderInside(child, depth + 1, lines);
      lines.push(`${pad}}`);
    }
    if (child.type === 'final') lines.push(`${pad}${name(child)} --> [*]`);
  }
  for (const child of children) edgesFrom(child, pad, lines);
}

export function diagram(machine: AnyStateMachine): string {
  const lines: string[] = ['stateDiagram-v2'];
  const root = machine.root as unknown as Node;
  renderInside(root, 1, lines);
  edgesFrom(root, '  ', lines);
  return lines.join('\n');
}

export function readmeDiagrams(): string {
  return [
    '```mermaid',
    diagram(toolbarMachine),
    '```',
    '',
    '```mermaid',
    diagram(callMachine),
    '```',
  ].join('\n');
}

if (process.argv[1]?.endsWith('diagram.ts')) console.log(readmeDiagrams());
