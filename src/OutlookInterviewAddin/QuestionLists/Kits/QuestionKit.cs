namespace OutlookInterviewAddin.QuestionLists.Kits;

/// <summary>
/// A ready-made question list: what to say first, the questions in parts, and what to say last.
/// Texts may hold placeholders such as <c>{city}</c>; <see cref="PlaceholderFiller"/> fills them for one person.
/// </summary>
/// <param name="Key">Stable identifier ("default", "tiara") that stored lists and the API refer to; never renamed.</param>
public sealed record QuestionKit(
    string Key,
    string Name,
    string Description,
    string Opening,
    IReadOnlyList<QuestionPart> Parts,
    string Closing);

/// <summary>One part of a conversation, such as "Part one: career history".</summary>
public sealed record QuestionPart(string Title, IReadOnlyList<string> Questions);
