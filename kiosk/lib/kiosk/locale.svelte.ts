import { PRIMARY_LOCALE, type Locale } from '../i18n';

const KEY = 'showfloor.kiosk.default-locale.v1';

/** A default language set by a remote `set-locale` command, and the configured one it replaced. */
interface Override {
  locale: Locale;
  over: Locale | null;
}

/**
 * The language of the visit. Each visit starts in the kiosk's default language (its device config,
 * or zh-CN), and idle reset returns to it. An operator's `set-locale` command changes the default
 * until the configured language itself changes (an operator editing the device wins again).
 */
export class KioskLocale {
  current = $state<Locale>(PRIMARY_LOCALE);
  private override = $state.raw<Override | null>(null);
  readonly defaultLocale = $derived.by(() => {
    const configured = this.configured();
    return this.override && this.override.over === configured ? this.override.locale : (configured ?? PRIMARY_LOCALE);
  });

  constructor(
    private readonly configured: () => Locale | null,
    private readonly storage: Storage | null = globalThis.localStorage ?? null,
  ) {
    this.override = readOverride(storage);
    this.current = this.defaultLocale;
  }

  /** The visitor's choice. */
  choose(locale: Locale): void {
    this.current = locale;
  }

  /** Back to the default (a new visit). */
  reset(): void {
    this.current = this.defaultLocale;
  }

  /** A `set-locale` command; applies at once when nobody is in the middle of a visit. */
  setDefault(locale: Locale, idle: boolean): void {
    this.override = { locale, over: this.configured() };
    try {
      this.storage?.setItem(KEY, JSON.stringify(this.override));
    } catch {
      // Storage full or disabled: the command still holds until the next reload.
    }
    if (idle) this.current = locale;
  }
}

function readOverride(storage: Storage | null): Override | null {
  try {
    const parsed = JSON.parse(storage?.getItem(KEY) ?? 'null') as Override | null;
    return parsed && (parsed.locale === 'zh-CN' || parsed.locale === 'en') ? parsed : null;
  } catch {
    return null;
  }
}
