// Translations: every word on screen comes from a catalogue here. English is the first; Spanish
// is next (add es.json with the same keys and list it in `resources`).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
// Spanish so far: the screening form's own words (the questions come in the questionnaire's languages)
// and the whole consent form (which the person reading it may switch to Spanish).
import es from './es.json';

export const defaultNS = 'translation';
export const resources = { en: { translation: en }, es: { translation: es } } as const;

void i18n.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  defaultNS,
  // Inline catalogues: ready before the first render.
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  // Keep the browser console for our own messages.
  showSupportNotice: false,
});

// The page says which language it is in (screen readers pronounce by it). Without a page (the
// formatters' unit tests run in Node) there is nothing to mark.
if (typeof document !== 'undefined') {
  i18n.on('languageChanged', (language) => document.documentElement.setAttribute('lang', language));
  document.documentElement.setAttribute('lang', i18n.language);
}

export default i18n;
