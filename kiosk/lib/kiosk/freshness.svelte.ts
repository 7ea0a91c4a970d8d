/**
 * How current the figures on screen are. While the kiosk is connected they are live; once it loses
 * the server they are as of the moment it did (not as of the last change: figures that did not
 * move for an hour were still current until the connection dropped). A cold start offline takes
 * that moment from the saved snapshot.
 */
export class Freshness {
  /** When the figures were last known to be current; null while they are live. */
  confirmedAt = $state<number | null>(null);
}
