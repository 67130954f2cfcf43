import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';

/**
 * One catalogue per language (src/i18n/<lang>/), split in namespaces by page; a test compares their keys.
 * The language comes from the person's choice (remembered) or else the browser; Spanish when neither is known.
 */
export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = 'puente.language';

const files = import.meta.glob<Record<string, unknown>>('./*/*.json', { eager: true, import: 'default' });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [file, catalogue] of Object.entries(files)) {
  const [, lang, ns] = /^\.\/(\w+)\/([\w-]+)\.json$/.exec(file) ?? [];
  if (lang && ns) (resources[lang] ??= {})[ns] = catalogue;
}

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: [...LANGUAGES],
    fallbackLng: 'es',
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    defaultNS: 'common',
    ns: Object.keys(resources['es'] ?? {}),
    interpolation: { escapeValue: false },
    detection: { order: ['localStorage', 'navigator'], lookupLocalStorage: LANGUAGE_STORAGE_KEY, caches: ['localStorage'] },
    returnNull: false,
    // A key missing from a catalogue is a bug the browser tests catch: they fail on any console warning.
    saveMissing: true,
    missingKeyHandler: (_lngs, ns, key) => console.warn(`Missing translation ${ns}:${key}`),
  });

const syncHtmlLang = (lng: string) => document.documentElement.setAttribute('lang', lng.slice(0, 2));
syncHtmlLang(i18n.resolvedLanguage ?? 'es');
i18n.on('languageChanged', syncHtmlLang);

export const currentLanguage = (): Language => ((i18n.resolvedLanguage ?? 'es').slice(0, 2) === 'en' ? 'en' : 'es');
export default i18n;
