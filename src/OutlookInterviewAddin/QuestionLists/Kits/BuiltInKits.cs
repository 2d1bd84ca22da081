namespace OutlookInterviewAddin.QuestionLists.Kits;

/// <summary>
/// The question kits every user starts from. Users copy one into their own editable list; the kits
/// themselves never change per user, so their keys are safe to store.
/// </summary>
public static class BuiltInKits
{
    public const string DefaultKey = "default";
    public const string TiaraKey = "tiara";

    /// <summary>
    /// The list from the product description: an opening, three parts, and a closing. The closing
    /// does not ask who else to talk to in its own words: the last question does, and the invite
    /// asks it in the closing.
    /// </summary>
    public static QuestionKit Default { get; } = new(
        DefaultKey,
        "Informational interview",
        "Career history, the job itself, and where it is heading, in three parts.",
        "Thank them for their time; explain what you would like to get out of the conversation.",
        [
            new("Part one: career history",
            [
                "What did you study after high school?",
                "How did your career path take you to {organisation|this job}?",
                "What attracted you to this career?",
                "If you could go back, what would you do differently on this path?",
            ]),
            new("Part two: about the job",
            [
                "What is the workplace culture like?",
                "What is a day in the life like?",
                "Do you like working in {city}?",
                "What earlier experiences, at work or elsewhere, helped you most to excel in this position?",
                "How would you describe someone who would excel in this career? What personality traits?",
                "What do you enjoy most about this job? What do you find most rewarding?",
                "What would surprise people about it?",
                "Why do you think you got hired?",
            ]),
            new("Part three: future talk",
            [
                "How do you see this job changing in the next 10 years?",
                "What work or activities should I be doing now to help me on this path?",
                "What work samples should my portfolio have?",
                "Where should I be, which city, to pursue this kind of work?",
                "What is a typical entry-level title?",
                "Who else would you recommend I speak with to learn more about this career?",
            ]),
        ],
        "Ask whether you may use their name with the people they suggest; thank them; offer to stay in touch.");

    /// <summary>
    /// TIARA (Trends, Insights, Advice, Resources, Assignments): a well-known frame that keeps the
    /// conversation on the other person's expertise rather than on the asker.
    /// </summary>
    public static QuestionKit Tiara { get; } = new(
        TiaraKey,
        "TIARA",
        "Trends, Insights, Advice, Resources, Assignments: five short parts about their expertise.",
        "Thank them for their time; say you are exploring {field|their field} and would value their perspective.",
        [
            new("Trends",
            [
                "What trends are shaping {field} right now?",
                "How has your work changed since you started, and what is driving that change?",
                "Which skills do you expect to matter more in the next five years?",
            ]),
            new("Insights",
            [
                "What surprised you most when you started working at {organisation}?",
                "What do you know now that you wish you had known at the start of your career?",
                "What separates people who do well in this work from those who struggle?",
            ]),
            new("Advice",
            [
                "If you were in my position today, what would you do to move into this field?",
                "What would you avoid doing, if you were starting out again?",
                "How would you suggest I make the most of my studies for this path?",
            ]),
            new("Resources",
            [
                "Which books, podcasts, newsletters or websites do you rely on to keep up?",
                "Are there professional associations or events I should know about?",
                "Who else would you recommend I speak with to learn more?",
            ]),
            new("Assignments",
            [
                "What is a small project I could take on now to see whether this work suits me?",
                "What could I read, build or try this month to learn what the day-to-day work is like?",
                "Is there something you would suggest I do before we speak again?",
            ]),
        ],
        "Ask whether you may use their name with the people they suggest; thank them; offer to report back on the advice you act on.");

    /// <summary>
    /// The default list in French, for people written to in French: the same opening, three parts
    /// and closing. Worded so that no question needs the person's gender ("Quelle a été votre plus
    /// grande surprise?" rather than "Qu'est-ce qui vous a surpris·e?"), and with no placeholder, whose
    /// fallback wordings are English.
    /// </summary>
    public static QuestionKit DefaultFrench { get; } = new(
        DefaultKey,
        "Entretien d'information",
        "Le parcours, le travail lui-même et son avenir, en trois parties.",
        "Remerciez la personne pour son temps; expliquez ce que vous aimeriez retirer de la conversation.",
        [
            new("Première partie\u00A0: le parcours",
            [
                "Qu'avez-vous étudié après le secondaire?",
                "Comment s'est déroulé votre parcours jusqu'à votre travail actuel?",
                "Qu'est-ce qui vous attire dans cette carrière?",
                "Si vous pouviez revenir en arrière, que feriez-vous autrement?",
            ]),
            new("Deuxième partie\u00A0: le travail",
            [
                "Comment décririez-vous la culture de votre milieu de travail?",
                "À quoi ressemble une journée typique?",
                "Qu'aimez-vous de la ville où vous travaillez?",
                "Quelles expériences, au travail ou ailleurs, vous ont le plus servi dans ce rôle?",
                "Quelles qualités font réussir une personne dans cette carrière?",
                "Qu'est-ce qui vous plaît le plus dans ce travail? Qu'est-ce qui est le plus gratifiant?",
                "Qu'est-ce qui étonnerait les gens à propos de ce métier?",
                "Selon vous, qu'est-ce qui a fait pencher la balance en votre faveur à l'entrée dans ce métier?",
            ]),
            new("Troisième partie\u00A0: l'avenir",
            [
                "Comment voyez-vous ce métier évoluer dans les dix prochaines années?",
                "Quelles activités devrais-je faire dès maintenant pour avancer sur ce chemin?",
                "Quels exemples de travaux mon portfolio devrait-il contenir?",
                "Dans quelle ville faudrait-il être pour faire ce genre de travail?",
                "Quel est le titre habituel d'un premier rôle dans ce domaine?",
                "Qui d'autre me recommanderiez-vous de rencontrer pour en apprendre davantage sur cette carrière?",
            ]),
        ],
        "Demandez si vous pouvez utiliser son nom auprès des personnes suggérées; remerciez; proposez de rester en contact.");

    /// <summary>TIARA in French (Tendances, Idées, Avis, Ressources, Activités), worded as the English one is.</summary>
    public static QuestionKit TiaraFrench { get; } = new(
        TiaraKey,
        "TIARA",
        "Tendances, idées, avis, ressources, activités\u00A0: cinq courtes parties sur l'expertise de la personne.",
        "Remerciez la personne pour son temps; dites que vous explorez son domaine et que son point de vue vous serait précieux.",
        [
            new("Tendances",
            [
                "Quelles tendances transforment votre domaine en ce moment?",
                "Comment votre travail a-t-il changé depuis vos débuts, et qu'est-ce qui explique ce changement?",
                "Quelles compétences compteront davantage dans les cinq prochaines années?",
            ]),
            new("Idées",
            [
                "Quelle a été votre plus grande surprise à vos débuts dans votre organisation?",
                "Que savez-vous maintenant que vous auriez aimé savoir au début de votre carrière?",
                "Qu'est-ce qui distingue les gens qui réussissent dans ce travail de ceux qui peinent?",
            ]),
            new("Avis",
            [
                "Si vous étiez à ma place aujourd'hui, que feriez-vous pour entrer dans ce domaine?",
                "Qu'éviteriez-vous de faire si vous recommenciez?",
                "Comment me suggéreriez-vous de tirer le meilleur parti de mes études pour ce parcours?",
            ]),
            new("Ressources",
            [
                "Quels livres, balados, infolettres ou sites consultez-vous pour rester à jour?",
                "Y a-t-il des associations professionnelles ou des événements que je devrais connaître?",
                "Qui d'autre me recommanderiez-vous de rencontrer pour en apprendre davantage?",
            ]),
            new("Activités",
            [
                "Quel petit projet pourrais-je entreprendre maintenant pour voir si ce travail me convient?",
                "Que pourrais-je lire, construire ou essayer ce mois-ci pour découvrir le quotidien de ce travail?",
                "Y a-t-il quelque chose que vous me suggéreriez de faire avant notre prochaine conversation?",
            ]),
        ],
        "Demandez si vous pouvez utiliser son nom auprès des personnes suggérées; remerciez; proposez de donner des nouvelles des conseils suivis.");

    /// <summary>Every built-in kit, the default first.</summary>
    public static IReadOnlyList<QuestionKit> All { get; } = [Default, Tiara];

    /// <summary>Every built-in kit in French, under the same keys.</summary>
    public static IReadOnlyList<QuestionKit> AllFrench { get; } = [DefaultFrench, TiaraFrench];

    /// <summary>The kits in a language: a person written to in French gets them in French.</summary>
    public static IReadOnlyList<QuestionKit> In(Drafting.DraftLanguage language) => language == Drafting.DraftLanguage.Fr ? AllFrench : All;

    /// <summary>The kit with this key (case-insensitive), or null.</summary>
    public static QuestionKit? Find(string? key, Drafting.DraftLanguage language = Drafting.DraftLanguage.En) =>
        In(language).FirstOrDefault(k => string.Equals(k.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));
}
