import { t } from '../i18n.js';

/**
 * The two sides of the demo (DESIGN §5): Washington and Beijing, each a node of its own with its
 * own keys, database and log, on this machine's loopback.
 */
export interface DemoSide {
  /** The node's name, its folder under the demo's data folder and its peer name on the other side. */
  readonly name: 'washington' | 'beijing';
  /** The side's name in English, as the nodes' own messages (which stay English) write it; placeName() is the one to show. */
  readonly label: string;
  readonly side: 'US' | 'CN';
  readonly timeZone: string;
  readonly defaultPort: number;
  /** Who records this side's opening message. */
  readonly dutyOfficer: string;
}

export const WASHINGTON: DemoSide = {
  name: 'washington', label: 'Washington', side: 'US', timeZone: 'America/New_York',
  defaultPort: 8401, dutyOfficer: 'washington/duty-officer',
};

export const BEIJING: DemoSide = {
  name: 'beijing', label: 'Beijing', side: 'CN', timeZone: 'Asia/Shanghai',
  defaultPort: 8402, dutyOfficer: 'beijing/duty-officer',
};

export const DEMO_SIDES = [WASHINGTON, BEIJING] as const;

/** The side's name in the chosen language. */
export const placeName = (side: DemoSide): string => t(`place.${side.name}`);

/** The city whose clock stands for the side's local time (its time zone's city), in the chosen language. */
export const cityName = (side: DemoSide): string => t(`place.city.${side.name}`);

export const otherSide = (side: DemoSide): DemoSide => (side.name === WASHINGTON.name ? BEIJING : WASHINGTON);

/** Nodes of the demo listen on loopback only: nothing of it is reachable from the network. */
export const DEMO_HOST = '127.0.0.1';
