package dev.assay.metrics.llm;

import dev.assay.metrics.llm.ScoredPatterns.Cue;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * The built-in prompt-injection detector (used when the spec gives no {@code
 * llm.injection_markers}): weighted cues over the folded text ({@link TextFolding#searchable}:
 * NFKC-style folding, confusables, zero-width removal, its leetspeak reading and its decoded base64
 * tokens), flagged at a score of {@value #THRESHOLD}.
 *
 * <p>The main cue is the shape of an override: an imperative verb ("ignore", "olvida", "vergiss")
 * followed within five words by an override target ("instructions", "reglas", "Anweisungen") scores
 * 2, and a scope word ("previous", "anteriores", "vorherigen", "your") before or after the target
 * adds 1; a mere mention ("What is a jailbreak?", "ignore the noise", "I forget the rules of
 * chess") stays below the threshold. Other cues: requests for the hidden prompt or secrets, role
 * hijacks combined with "no restrictions", chat-template tokens, texts addressed to an AI inside a
 * document (indirect injection), exfiltration links. Counter-cues lower the score of texts that
 * talk about attacks rather than perform one: a question about security, third-person attackers, a
 * quoted payload. English, Spanish, French, German and Portuguese. Measured on a labelled set in
 * {@code docs/llm.md}.
 */
final class InjectionDetector {

  /** Flagged at this score. */
  static final int THRESHOLD = 3;

  private static final String SEP = "[^a-z0-9'\\n]+";

  private static final String VERB =
      alt(
          "ignore",
          "disregard",
          "forget",
          "override",
          "overrule",
          "bypass",
          "circumvent",
          "skip",
          "set aside",
          "pay no attention to",
          "stop following",
          "do not follow",
          "don't follow",
          "dont follow",
          "no longer follow",
          "abandon",
          "drop",
          "discard",
          "throw out",
          "throw away",
          "neglect",
          "disable",
          "deactivate",
          "turn off",
          "ignora",
          "ignorad",
          "ignoren",
          "olvida",
          "olvidate de",
          "olvide",
          "olviden",
          "omite",
          "descarta",
          "desobedece",
          "haz caso omiso (a|de)",
          "no sigas",
          "no sigan",
          "deja de seguir",
          "ignorez",
          "oublie",
          "oubliez",
          "ne tiens pas compte (de|des|du)",
          "ne tenez pas compte (de|des|du)",
          "fais abstraction (de|des|du)",
          "faites abstraction (de|des|du)",
          "passe outre",
          "outrepasse",
          "outrepassez",
          "contourne",
          "contournez",
          "ignoriere",
          "ignorier",
          "ignorieren",
          "ignoriert",
          "vergiss",
          "vergesst",
          "vergessen sie",
          "missachte",
          "missachtet",
          "missachten sie",
          "umgehe",
          "umgehen sie",
          "deaktiviere",
          "ignorem",
          "esqueca",
          "esquece",
          "esquecam",
          "desconsidere",
          "desconsiderem",
          "despreze",
          "nao siga( mais)?",
          "nao sigam",
          "deixe de seguir",
          "descarte",
          "contorne",
          "desative");

  private static final String SCOPE =
      alt(
          "all",
          "any",
          "every",
          "previous",
          "prior",
          "above",
          "earlier",
          "preceding",
          "original",
          "initial",
          "existing",
          "old",
          "your",
          "these",
          "those",
          "system",
          "default",
          "safety",
          "current",
          "given",
          "usual",
          "hidden",
          "internal",
          "anteriores",
          "previas",
          "previos",
          "todas",
          "todos",
          "tus",
          "sus",
          "originales",
          "sistema",
          "iniciales",
          "precedentes",
          "anterieures",
          "ci-dessus",
          "toutes",
          "tous",
          "tes",
          "vos",
          "initiales",
          "systeme",
          "alle",
          "vorherigen",
          "vorigen",
          "bisherigen",
          "obigen",
          "deine",
          "ihre",
          "fruheren",
          "ursprunglichen",
          "vorangegangenen",
          "acima",
          "suas",
          "tuas",
          "originais",
          "iniciais");

  private static final String TARGET =
      alt(
          "instructions?",
          "rules",
          "guidelines",
          "guidance",
          "directives?",
          "prompts?",
          "guardrails",
          "restrictions",
          "polic(y|ies)",
          "constraints",
          "programming",
          "system message",
          "filters?",
          "training",
          "orders",
          "commands",
          "directions",
          "safeguards",
          "limitations",
          "(the )?(user|reader)('s)? (question|request|query|message)",
          "instrucciones",
          "instruccion",
          "reglas",
          "indicaciones",
          "directrices",
          "ordenes",
          "normas",
          "restricciones",
          "filtros",
          "pautas",
          "consignes",
          "regles",
          "filtres",
          "anweisungen",
          "anweisung",
          "regeln",
          "vorgaben",
          "richtlinien",
          "befehle",
          "instruktionen",
          "systemprompt",
          "systemanweisungen",
          "einschrankungen",
          "instrucoes",
          "instrucao",
          "regras",
          "diretrizes",
          "orientacoes",
          "comandos",
          "restricoes");

  /** Objects that are themselves "everything said before". */
  private static final String SAID_BEFORE =
      alt(
          "(the |all (of )?the |everything )?(above|foregoing)",
          "every(thing|one)? (you were|you've been|you have been) (told|said|given)",
          "everything (above|before|so far|said)",
          "anything (above|before|you were told)",
          "what (you were|you've been|you have been|was) (told|said|instructed)",
          "whatever you were (told|instructed)",
          "todo lo anterior",
          "lo anterior",
          "lo que te (dijeron|han dicho|indicaron)",
          "tout ce qui precede",
          "ce qui precede",
          "(tout )?ce qu'on t'a dit",
          "ce que l'on t'a dit",
          "alles (bisher |zuvor |vorher )?gesagte",
          "alles obige",
          "alles bisherige",
          "was (man )?dir (vorher |zuvor |bisher )?gesagt",
          "tudo (o que foi dito )?acima",
          "tudo o que foi dito",
          "o que (te|lhe) (disseram|foi dito)");

  private static final String REVOKED =
      alt(
          "void",
          "revoked",
          "cancell?ed",
          "no longer apply",
          "no longer valid",
          "outdated",
          "obsolete",
          "overridden",
          "superseded",
          "not valid",
          "invalid",
          "a test",
          "fake");

  private static final String SHOW_VERB =
      alt(
          "reveal",
          "print",
          "show",
          "repeat",
          "output",
          "display",
          "tell me",
          "leak",
          "disclose",
          "give me",
          "dump",
          "recite",
          "write out",
          "expose",
          "share",
          "type out",
          "revela",
          "muestra",
          "muestrame",
          "imprime",
          "repite",
          "dime",
          "ensename",
          "revele",
          "revelez",
          "affiche",
          "affichez",
          "montre",
          "montrez",
          "repete",
          "repetez",
          "donne",
          "donnez",
          "zeig",
          "zeige",
          "verrate",
          "gib",
          "wiederhole",
          "nenne",
          "mostre",
          "imprima",
          "repita",
          "diga",
          "escreva");

  private static final String DETERMINERS =
      "((your|the|all|my|of your|tu|el|la|tus|ton|tes|le|les|votre|vos|deinen|deine|den|die|das"
          + "|seu|sua|suas|o|a|as|os) ){0,2}"
          + "((full|complete|entire|exact|hidden|initial|original|secret|confidential|internal) )?";

  private static final String HIDDEN_PROMPT =
      alt(
          "system prompt",
          "system message",
          "system instructions",
          "initial prompt",
          "hidden prompt",
          "pre-?prompt",
          "(hidden|original|secret|confidential|internal|initial) (instructions|rules)",
          "developer notes",
          "configuration",
          "(prompt|text|words|instructions) above",
          "prompt del sistema",
          "mensaje del sistema",
          "(instrucciones|indicaciones) (del sistema|ocultas|iniciales|secretas)",
          "prompt (du )?systeme",
          "message (du )?systeme",
          "(instructions|consignes) (du systeme|cachees|initiales|secretes)",
          "systemprompt",
          "system-prompt",
          "systemnachricht",
          "systemanweisungen",
          "versteckten anweisungen",
          "prompt do sistema",
          "mensagem do sistema",
          "instrucoes (do sistema|ocultas|iniciais|secretas)");

  private static final String YOUR_PROMPT =
      alt(
          "your (instructions|prompt|rules|guidelines)",
          "tu prompt",
          "tus instrucciones",
          "ton prompt",
          "tes instructions",
          "vos instructions",
          "deinen prompt",
          "deine anweisungen",
          "seu prompt",
          "suas instrucoes");

  private static final String SECRET =
      "((admin|administrator|root) )?"
          + alt(
              "passwords?",
              "api key",
              "api-key",
              "secret (key|code)",
              "credentials",
              "access token",
              "private key",
              "contrasena( del administrador)?",
              "clave de la api",
              "mot de passe",
              "cle d'api",
              "passwort",
              "administratorpasswort",
              "api-schlussel",
              "senha",
              "chave da api");

  private static final String AI =
      alt(
          "ai",
          "assistants?",
          "llms?",
          "language models?",
          "chatbots?",
          "bots?",
          "models?",
          "agents?",
          "ai (agents?|assistants?|models?|systems?)",
          "ia",
          "asistentes?( de ia)?",
          "modelo",
          "modele",
          "assistants? ia",
          "ki-assistenten",
          "ki",
          "modell",
          "assistentes?( de ia)?");

  /** The cues and their weights, over the padded searchable text ({@link PhraseSyntax#PADDED}). */
  static final ScoredPatterns PATTERNS = new ScoredPatterns(cues(PhraseSyntax.PADDED), THRESHOLD);

  private InjectionDetector() {}

  /** True when {@code text} reads as a prompt injection; null for a null text. */
  static Column flags(Column text) {
    return PATTERNS.flags(PhraseSyntax.pad(TextFolding.searchable(text)));
  }

  /**
   * The cues written in {@code s}: {@link PhraseSyntax#PADDED} for the detector, {@link
   * PhraseSyntax#ANCHORED} (the patterns as they were, for the equivalence test).
   */
  static List<Cue> cues(PhraseSyntax s) {
    List<Cue> all = new ArrayList<>();
    all.addAll(overrideCues(s));
    all.addAll(templateCues(s));
    all.addAll(hijackCues(s));
    all.addAll(extractionCues(s));
    all.addAll(indirectCues(s));
    all.addAll(counterCues(s));
    return all;
  }

  /** Overrides: imperative + target (+ scope before or after the target). */
  private static List<Cue> overrideCues(PhraseSyntax s) {
    return List.of(
        new Cue(s.start() + VERB + SEP + gap(s, 5) + TARGET, 2),
        new Cue(s.start() + VERB + SEP + gap(s, 4) + SCOPE + SEP + gap(s, 3) + TARGET, 1),
        new Cue(s.start() + VERB + SEP + gap(s, 4) + TARGET + SEP + gap(s, 3) + SCOPE + s.end(), 1),
        new Cue(s.start() + VERB + SEP + SAID_BEFORE, 3),
        new Cue(
            s.start() + alt(TARGET, "instructed", "told", "context") + SEP + gap(s, 5) + REVOKED,
            2),
        new Cue(s.start() + SCOPE + SEP + gap(s, 1) + TARGET + SEP + gap(s, 4) + REVOKED, 3));
  }

  /** Chat-template tokens and fake system messages. */
  private static List<Cue> templateCues(PhraseSyntax s) {
    return List.of(
        new Cue(
            "<\\|(im_start|im_end|system|user|assistant|endoftext)\\|>|\\[/?inst\\]|<</?sys>>"
                + "|"
                + s.lineStart()
                + "\\s*#{2,}\\s*(system|instruction|new instruction)|\\[system\\]"
                + "|</?system>|system (override|update|notice|prompt update)\\s*:",
            3));
  }

  /** Role hijack. */
  private static List<Cue> hijackCues(PhraseSyntax s) {
    return List.of(
        new Cue(
            s.start()
                + alt(
                    "you are now",
                    "you're now",
                    "from now on,? you",
                    "you are no longer",
                    "you're no longer",
                    "a partir de ahora,? (eres|seras|tu eres|actuaras|vas a|obedeces)",
                    "ahora eres",
                    "(a partir de maintenant|desormais|dorenavant),? (tu es|tu seras|vous etes|tu"
                        + " agis|agis|tu n'obeis|tu obeis)",
                    "(ab jetzt|von nun an|ab sofort),? (bist du|du bist|gehorchst du|handelst du"
                        + "|agierst du)",
                    "du bist jetzt",
                    "(a partir de agora|de agora em diante),? (voce e|tu es|voce sera|aja"
                        + "|obedeca)"),
            1),
        new Cue(
            s.start()
                + alt(
                    "no",
                    "without( any)?",
                    "free (of|from)",
                    "sin( ningun[ao]?)?",
                    "sans( aucune?)?",
                    "ohne( jede)?",
                    "sem( nenhuma?)?")
                + " (content )?"
                + alt(
                    "restrictions?",
                    "limitations?",
                    "limits",
                    "filters?",
                    "rules",
                    "guidelines",
                    "censorship",
                    "morals",
                    "ethics",
                    "restriccion(es)?",
                    "filtros",
                    "limites",
                    "censura",
                    "reglas",
                    "filtres",
                    "regles",
                    "einschrankung(en)?",
                    "regeln",
                    "zensur",
                    "grenzen",
                    "restricoes",
                    "restricao",
                    "regras"),
            2),
        new Cue(
            alt("unrestricted", "unfiltered", "uncensored", "jailbroken", "evil", "amoral")
                + " "
                + alt("ai", "assistant", "model", "mode", "version", "chatbot", "bot", "llm"),
            2),
        new Cue(
            alt("enter", "enable", "activate", "switch to", "turn on")
                + " (the )?"
                + alt("developer", "god", "dan", "debug", "jailbreak", "sudo", "unrestricted")
                + " mode",
            2),
        new Cue(
            s.start()
                + "((you are|you're|you will be|act as|become) (now )?dan"
                + s.end()
                + "|do anything now)",
            2),
        new Cue("pretend (you are|to be|that you are)|stay in character|role-?play as", 1),
        new Cue("(not|no longer|never) (bound|limited|restricted|constrained) by", 2),
        new Cue(
            "(does not|doesn't|do not|don't|never|will not|won't) (follow|obey|respect|adhere to)"
                + " (any |the |your )?(safety )?(rules|guidelines|instructions|polic(y|ies)"
                + "|restrictions)",
            2));
  }

  /** Extraction of the hidden prompt or of secrets. */
  private static List<Cue> extractionCues(PhraseSyntax s) {
    return List.of(
        new Cue(
            s.start()
                + SHOW_VERB
                + SEP
                + "((me|mir|moi) )?"
                + DETERMINERS
                + alt(HIDDEN_PROMPT, YOUR_PROMPT),
            3),
        new Cue(s.start() + SHOW_VERB + SEP + "((me|mir|moi) )?" + DETERMINERS + SECRET, 2),
        new Cue(
            "(instructions|prompt|rules|guidelines) (that )?you (were|have been|had been) given",
            2),
        new Cue(
            "(you were|you've been|you have been) (told|instructed|asked) (to keep|not to)|keep (it |this )?secret",
            1),
        new Cue(
            alt(
                "verbatim",
                "word for word",
                "word-for-word",
                "palabra por palabra",
                "mot pour mot",
                "wortlich",
                "wort fur wort",
                "palavra por palavra"),
            1),
        new Cue(
            s.start()
                + "(i am|i'm) (the |your )?(system )?(administrator|admin|developer|creator|owner"
                + "|operator)",
            2),
        new Cue("the user is an? (administrator|admin|developer)", 1));
  }

  /** A document talking to the model (indirect injection). */
  private static List<Cue> indirectCues(PhraseSyntax s) {
    return List.of(
        new Cue(
            alt(
                    "note",
                    "message",
                    "instructions?",
                    "attention",
                    "important",
                    "notice",
                    "hint",
                    "footnote",
                    "reminder",
                    "nota",
                    "mensaje",
                    "instruccion",
                    "hinweis",
                    "anweisung",
                    "consigne",
                    "instrucao",
                    "aviso")
                + s.upTo(" [a-z]+", 2)
                + "( to| for| para| pour| fur| an)? "
                + "(the |all |any |el |los |las |le |les |das |die |den |alle |os |as |o |a )?"
                + AI
                + s.end(),
            2),
        new Cue(
            s.start()
                + "(dear "
                + alt("ai", "assistant", "model", "llm", "chatbot")
                + "|"
                + alt(
                    "ai",
                    "assistant",
                    "chatbot",
                    "llm",
                    "ai assistant",
                    "ai agent",
                    "bot",
                    "ki",
                    "ia")
                + "\\s*[:,])",
            2),
        new Cue(
            alt("ai", "llm", "language model", "assistant", "model", "chatbot", "agent")
                + "s?"
                + s.upTo(" [a-z]+", 2)
                + " "
                + alt(
                    "reading",
                    "reads",
                    "processing",
                    "processes",
                    "summari[sz]ing",
                    "summari[sz]es",
                    "parsing",
                    "parses")
                + " (this|the following)",
            2),
        new Cue(
            "(if|when) you are an? (ai|llm|language model|assistant|chatbot|bot|ai language model"
                + "|ai assistant)",
            2),
        new Cue(
            "(when|while|if|before|after|cuando|quand|ao|al) (you |tu )?"
                + alt(
                    "summari[sz]e",
                    "summari[sz]ing",
                    "read",
                    "reading",
                    "process",
                    "processing",
                    "translate",
                    "translating",
                    "resumas",
                    "resumir",
                    "resumes",
                    "resumindo",
                    "lis",
                    "traites")
                + "( [a-z]+)? (this|these|the following|este|esta|ce|cette)"
                + "|wenn du (diesen|dieses|diese) [a-z]+ (zusammenfasst|liest)",
            1),
        new Cue(
            alt(
                    "tell",
                    "ask",
                    "instruct",
                    "inform",
                    "convince",
                    "persuade",
                    "pedid",
                    "pide",
                    "dile",
                    "demandez",
                    "demande",
                    "frage",
                    "fragt",
                    "peca",
                    "pecam")
                + "( [a-z]+)? (the |al |a |le |dem |den |ao |o )?"
                + "(users?|readers?|customers?|usuario|utilisateur|nutzer|benutzer)",
            1),
        new Cue(
            alt("ai", "model", "assistant", "llm", "chatbot", "models", "assistants", "agents?")
                + s.upTo(" [a-z]+", 4)
                + " (must|shall|has to|have to|is required to|are required to|needs"
                + " to|debe|doit|muss|deve)"
                + s.end(),
            1),
        new Cue(
            "(do not|don't|never|no|ne) (tell|mention|reveal|inform|disclose|show|le digas)"
                + s.upTo(" [a-z]+", 3)
                + " (to )?(the )?(user|reader|customer)",
            2),
        new Cue(
            "(send|forward|post|upload|exfiltrate|email|e-mail|transmit|leak|submit)"
                + s.upTo(" [a-z]+", 4)
                + " (to|at) (https?://|www\\.|[a-z0-9._-]+@[a-z0-9.-]+)",
            2),
        new Cue("!\\[[^\\]]*\\]\\(https?://[^)]*\\?", 2),
        new Cue(
            "(include|add|insert|render|append|show|display)( [a-z]+)? (this|the following|a|an)"
                + " (link|url|image)",
            1),
        new Cue("in (every|each|all) (answer|response|reply|message)s?", 1),
        new Cue(
            "(your|the) (real|actual|true|new|only) (task|instructions?|goal|job|purpose|objective)"
                + " (is|are|now)",
            2),
        new Cue(
            s.start()
                + "((new|updated|real) (instructions?|rules|policy|directives?)\\s*[:(]"
                + "|new instructions (from|follow)|(new|updated) policy loaded"
                + "|(nuevas instrucciones|nouvelles instructions|neue anweisungen|novas instrucoes)"
                + "\\s*:)",
            1),
        new Cue(
            alt("ask", "pedid", "pide", "demandez", "frage", "fragt", "peca", "pecam")
                + s.upTo(" [a-z]+", 4)
                + " "
                + alt("password", "credit card", "contrasena", "mot de passe", "passwort", "senha"),
            1));
  }

  /** Counter-cues: talking about attacks rather than performing one. */
  private static List<Cue> counterCues(PhraseSyntax s) {
    return List.of(
        new Cue(
            "^[^a-z]*"
                + alt(
                    "what",
                    "why",
                    "how",
                    "is",
                    "are",
                    "can",
                    "could",
                    "should",
                    "does",
                    "do",
                    "which",
                    "explain",
                    "give me",
                    "write",
                    "describe",
                    "define",
                    "que",
                    "qu'est",
                    "comment",
                    "pourquoi",
                    "was",
                    "wie",
                    "warum",
                    "o que",
                    "como",
                    "por que",
                    "cual")
                + "[^.!?]{0,160}"
                + alt(
                    "attack",
                    "injection",
                    "inyeccion",
                    "injecao",
                    "jailbreak",
                    "red team",
                    "security",
                    "seguridad",
                    "securite",
                    "sicherheit",
                    "seguranca",
                    "defen",
                    "protect",
                    "proteg",
                    "schutz",
                    "detect",
                    "mitigat",
                    "prevent",
                    "resist",
                    "owasp",
                    "classifier",
                    "moderation",
                    "filter",
                    "guardrail"),
            -2),
        new Cue(
            s.start()
                + alt(
                    "attackers?",
                    "adversaries",
                    "adversarial",
                    "hackers?",
                    "malicious (users?|actors?)",
                    "red.team(s|ers?|ing)?",
                    "researchers?",
                    "research shows")
                + s.end(),
            -2),
        new Cue(
            "[\"']\\s*(ignore|disregard|forget|ignora|ignoriere|oublie|esqueca|do anything now)",
            -2));
  }

  /** Up to {@code n} words, each followed by a separator. */
  private static String gap(PhraseSyntax s, int n) {
    return s.upTo("[a-z0-9']+" + SEP, n);
  }

  private static String alt(String... parts) {
    return "(" + String.join("|", parts) + ")";
  }
}
