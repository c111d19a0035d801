/** Strings of the widget's caption and story mode (issue 5), French and English. */
import type { Lang } from "./messages";

export interface WidgetMessages {
  caption: string;
  sources: string;
  version: string;
  versionHint: string;
  cite: string;
  citeHint: string;
  versionChanged: (cited: string, current: string) => string;
  story: string;
  previous: string;
  next: string;
  stepOf: (step: number, total: number) => string;
  stepLink: string;
  stepLinkLabel: (step: number) => string;
  storyError: string;
  storyLoading: string;
}

export const WIDGET_MESSAGES: Record<Lang, WidgetMessages> = {
  fr: {
    caption: "À propos des données",
    sources: "Sources",
    version: "Version",
    versionHint: "Empreinte SHA-256 des données chargées (12 premiers chiffres)",
    cite: "Citer cette vue",
    citeHint: "Lien qui rouvre cette vue, épinglée à cette version des données",
    versionChanged: (cited, current) =>
      `Les données ont changé depuis que cette vue a été citée (version citée ${cited}, version actuelle ${current}).`,
    story: "Récit",
    previous: "Précédent",
    next: "Suivant",
    stepOf: (step, total) => `${step} / ${total}`,
    stepLink: "Lien vers cette étape",
    stepLinkLabel: (step) => `Lien vers l'étape ${step}`,
    storyError: "Le récit n'a pas pu être chargé",
    storyLoading: "Chargement du récit…",
  },
  en: {
    caption: "About the data",
    sources: "Sources",
    version: "Version",
    versionHint: "SHA-256 fingerprint of the loaded data (first 12 digits)",
    cite: "Cite this view",
    citeHint: "A link that reopens this view, pinned to this version of the data",
    versionChanged: (cited, current) =>
      `The data changed since this view was cited (cited version ${cited}, current version ${current}).`,
    story: "Story",
    previous: "Previous",
    next: "Next",
    stepOf: (step, total) => `${step} / ${total}`,
    stepLink: "Link to this step",
    stepLinkLabel: (step) => `Link to step ${step}`,
    storyError: "The story could not be loaded",
    storyLoading: "Loading the story…",
  },
};

export function widgetMessages(lang: Lang): WidgetMessages {
  return WIDGET_MESSAGES[lang];
}
