/**
 * The toolbar's icons: SVG from lucide, imported one by one (each its own module, so only these
 * reach the bundle). Never the only sign of a state: words always stand beside them.
 */
import { memo } from 'react';
import type { LucideIcon } from 'lucide-react';
import ArrowLeftRight from 'lucide-react/icons/arrow-left-right';
import Ban from 'lucide-react/icons/ban';
import Check from 'lucide-react/icons/check';
import ChevronDown from 'lucide-react/icons/chevron-down';
import ChevronRight from 'lucide-react/icons/chevron-right';
import Circle from 'lucide-react/icons/circle';
import CircleHelp from 'lucide-react/icons/circle-help';
import Delete from 'lucide-react/icons/delete';
import Grid3x3 from 'lucide-react/icons/grid-3x3';
import History from 'lucide-react/icons/history';
import Loader from 'lucide-react/icons/loader';
import Pause from 'lucide-react/icons/pause';
import PenLine from 'lucide-react/icons/pen-line';
import Phone from 'lucide-react/icons/phone';
import PhoneCall from 'lucide-react/icons/phone-call';
import PhoneForwarded from 'lucide-react/icons/phone-forwarded';
import PhoneIncoming from 'lucide-react/icons/phone-incoming';
import PhoneOff from 'lucide-react/icons/phone-off';
import PhoneOutgoing from 'lucide-react/icons/phone-outgoing';
import Play from 'lucide-react/icons/play';
import Settings from 'lucide-react/icons/settings';
import TriangleAlert from 'lucide-react/icons/triangle-alert';
import X from 'lucide-react/icons/x';
import type { IconName } from '../icon-names';

const ICONS: Record<IconName, LucideIcon> = {
  check: Check,
  off: Circle,
  notReady: Ban,
  pending: Loader,
  wrapUp: PenLine,
  ringing: PhoneIncoming,
  inbound: PhoneIncoming,
  outbound: PhoneOutgoing,
  talking: Phone,
  answer: PhoneCall,
  held: Pause,
  resume: Play,
  forward: PhoneForwarded,
  swap: ArrowLeftRight,
  hangUp: PhoneOff,
  ended: PhoneOff,
  warning: TriangleAlert,
  close: X,
  settings: Settings,
  help: CircleHelp,
  backspace: Delete,
  keypad: Grid3x3,
  unfolded: ChevronDown,
  folded: ChevronRight,
  lastKnown: History,
};

/** An icon beside words: hidden from screen readers (the words are said), sized with the text; memoised, as a card re-renders each second. */
export const Icon = memo(function Icon({ name, className = 'icon' }: { name: IconName; className?: string }) {
  const Svg = ICONS[name];
  return <Svg className={className} aria-hidden="true" focusable="false" size="1em" strokeWidth={2.25} data-icon={name} />;
});
