package dev.assay.metrics.llm;

import dev.assay.metrics.llm.ScoredPatterns.Cue;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * The built-in refusal detector (used when the spec gives no {@code llm.refusal_phrases}): weighted
 * cues over the folded response ({@link TextFolding#folded}), flagged at a score of {@value
 * #THRESHOLD}.
 *
 * <p>A refusal is a first-person inability or unwillingness directly followed by a verb of helping
 * or giving ("I can't help", "I'm unable to share", "no puedo ayudarte", "je ne peux pas vous
 * aider", "kann ich nicht helfen", "não posso fornecer"), an explicit decline ("I must decline",
 * "not something I can help with") or "as an AI …, I can't". Look-alikes do not match because the
 * verb must follow the negation at once: "I can't wait to help", "I cannot stress enough", "I can't
 * recommend it enough". An apology opening followed by a negation ("Sorry — I'm unable …") and a
 * policy reason ("against my guidelines") only add weight: "I'm sorry to hear that. Restart the
 * router" is an answer. Measured on a labelled set in {@code docs/llm.md}.
 */
final class RefusalDetector {

  /** Flagged at this score. */
  static final int THRESHOLD = 3;

  private static final String EN_NEGATION =
      "(i|we) ?(can't|cannot|can not|won't|will not|am unable to|'m unable to|are unable to"
          + "|'re unable to|am not able to|'m not able to|am not allowed to|'m not allowed to"
          + "|am not permitted to|'m not permitted to|am not authorized to|'m not authorized to"
          + "|would rather not|'d rather not|must decline to|could not|couldn't)"
          + "( (really|simply|just|currently|unfortunately|personally|directly))? ";

  private static final String EN_VERB =
      "(help|assist|provide|share|comply|fulfill|fulfil|do|answer|give|reveal|create|generate"
          + "|write|continue|process|discuss|offer|engage|disclose|complete|produce|respond)";

  /** The cues and their weights, over the padded folded response ({@link PhraseSyntax#PADDED}). */
  static final ScoredPatterns PATTERNS = new ScoredPatterns(cues(PhraseSyntax.PADDED), THRESHOLD);

  private RefusalDetector() {}

  /** True when {@code response} reads as a refusal; null for a null response. */
  static Column flags(Column response) {
    return PATTERNS.flags(PhraseSyntax.pad(TextFolding.folded(response)));
  }

  /**
   * The cues written in {@code s}: {@link PhraseSyntax#PADDED} for the detector, {@link
   * PhraseSyntax#ANCHORED} (the patterns as they were, for the equivalence test).
   */
  static List<Cue> cues(PhraseSyntax s) {
    String b = s.start();
    return List.of(
        new Cue(b + EN_NEGATION + EN_VERB, 3),
        new Cue(
            b
                + "(i|we) ?(must|have to|will|'ll|'d have to|need to) (respectfully |politely )?decline",
            3),
        new Cue(
            "(not|isn't|is not) something (i|we) ?(can|could|am able to|'m able to|are able to|'re able to)",
            3),
        new Cue(
            "as an ai( language model| assistant| model)?,? (i|we) ?(can't|cannot|don't|do not|am not|'m not|won't)",
            3),
        new Cue(
            b
                + "no (te |le |les |os |lo )?(puedo|podemos|me es posible|estoy autorizad[oa] a"
                + "|tengo permiso para|estoy en condiciones de) (ayudar[a-z]*|proporcionar|facilitar"
                + "|responder|hacer|compartir|cumplir|dar|revelar|continuar|atender|asistir[a-z]*)",
            3),
        new Cue(
            b
                + "je ne (peux pas|pourrai pas|puis pas|suis pas en mesure de|suis pas autorise a)"
                + " (vous |te |t'|l')?(aider|fournir|repondre|faire|donner|partager|communiquer"
                + "|divulguer|reveler|traiter|continuer)",
            3),
        new Cue(
            b
                + "(ich (kann|darf|werde)|(kann|darf|werde) ich)"
                + s.upTo(" [a-z]+", 4)
                + " (nicht|keine[a-z]*)"
                + s.upTo(" [a-z]+", 3)
                + " (helfen|bereitstellen|beantworten|tun|weitergeben|geben|teilen"
                + "|machen|erfullen|ausfuhren|verraten|nennen)",
            3),
        new Cue(
            b
                + "nao (posso|podemos|consigo|tenho permissao para|estou autorizad[oa] a)"
                + " (ajudar|fornecer|responder|atender|compartilhar|fazer|dar|revelar|continuar"
                + "|cumprir|partilhar)",
            3),
        new Cue(
            "^[^a-z]*(i'm sorry|i am sorry|sorry|i apologi[sz]e|apologies|unfortunately|regrettably"
                + "|i'm afraid|i am afraid|lo siento|lamentablemente|me temo|desole|je regrette"
                + "|malheureusement|es tut mir leid|leider|entschuldigung|desculpe|sinto muito"
                + "|infelizmente|lamento)[^.!?]{0,40}(can't|cannot|unable|not able|won't|will not"
                + "|not allowed|not permitted|no puedo|ne peux|nicht|nao posso|nao consigo)",
            2),
        new Cue(
            "(against|violates?|violating|breach(es)?) (my|our|the) (guidelines|polic(y|ies)"
                + "|usage policy|content policy|principles|programming|rules)",
            2));
  }
}
