using System.Buffers.Text;
using System.Text;
using OutlookInterviewAddin.Validation;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.Paging;

/// <summary>
/// One page of a list: the items, and the cursor that asks for the next page (null on the last
/// one). Every list of the API pages this way; see docs/api.md.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// What a caller asked for: how many items (<c>limit</c>, 50 unless said, at most 200) after which
/// position (<c>cursor</c>, opaque, taken from the previous page's <c>nextCursor</c>).
/// </summary>
public sealed record PageRequest(int Limit, IReadOnlyList<string>? After)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>The request, or field errors for a limit out of range or a cursor this API did not hand out.</summary>
    public static PageRequest Read(int? limit, string? cursor, int parts, FieldErrors errors)
    {
        var wanted = limit ?? DefaultLimit;
        if (wanted is < 1 or > MaxLimit) errors.Add("limit", ApiText.Format("Paging.Limit", MaxLimit));
        List<string>? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            after = Decode(cursor);
            if (after is null || after.Count != parts)
            {
                errors.Add("cursor", ApiText.Get("Paging.Cursor"));
                after = null;
            }
        }
        return new PageRequest(wanted, after);
    }

    /// <summary>
    /// The page from rows read with <see cref="Limit"/> + 1: the extra row only says there is more,
    /// and the cursor is made from the last row shown.
    /// </summary>
    public Page<T> PageOf<T>(IReadOnlyList<T> rowsPlusOne, Func<T, IEnumerable<string>> position)
    {
        if (rowsPlusOne.Count <= Limit) return new Page<T>(rowsPlusOne, null);
        var items = rowsPlusOne.Take(Limit).ToList();
        return new Page<T>(items, Encode(position(items[^1])));
    }

    public static string Encode(IEnumerable<string> parts) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('\n', parts)));

    private static List<string>? Decode(string cursor)
    {
        try
        {
            return [.. Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('\n')];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
