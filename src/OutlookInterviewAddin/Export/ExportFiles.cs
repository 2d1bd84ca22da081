using System.Globalization;
using System.Text;
using CsvHelper;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.NextActions;

namespace OutlookInterviewAddin.Export;

/// <summary>
/// The user's people as CSV (CsvHelper) and vCard 4.0, and their planned conversations as an
/// iCalendar file (Ical.Net), each a download with a file name.
/// </summary>
public static class ExportFiles
{
    public const string CsvFileName = "people.csv";
    public const string VCardFileName = "people.vcf";
    public const string CalendarFileName = "planned-conversations.ics";

    /// <summary>The columns of people.csv, in order.</summary>
    public static readonly string[] CsvColumns =
    [
        "Name", "Greet as", "Email", "Organisation", "Role", "Field", "City", "Time zone", "LinkedIn URL",
        "Connection", "Connection detail", "Referred by", "Latest stage", "Notes", "Added",
    ];

    public static async Task<IResult> PeopleCsv(AppDbContext db, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().OrderBy(p => p.NameKey).ThenBy(p => p.Id).ToListAsync(ct);
        var names = people.ToDictionary(p => p.Id, p => p.Name);
        var latest = await LatestStagesAsync(db, ct);
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        // Fields starting like a formula (=, +, -, @) get a leading ' so that a spreadsheet shows them as text.
        await using (var csv = CsvWriter.Create(text, CsvWriterOptions.Default with { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader(CsvColumns);
            foreach (var p in people)
            {
                await csv.WriteRecordAsync([
                    p.Name, p.GreetAs, p.Email, p.Organisation, p.Role, p.Field, p.City, p.TimeZone, p.LinkedInUrl,
                    Camel(p.Connection.ToString()), p.ConnectionDetail,
                    p.ReferredById is { } r && names.TryGetValue(r, out var referrer) ? referrer : null,
                    latest.TryGetValue(p.Id, out var stage) ? Camel(stage.ToString()) : null,
                    p.Notes,
                    p.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ], ct);
            }
        }
        // A byte order mark, so that Excel reads the names as UTF-8.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray(), "text/csv; charset=utf-8", CsvFileName);
    }

    public static async Task<IResult> PeopleVCard(AppDbContext db, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().OrderBy(p => p.NameKey).ThenBy(p => p.Id).ToListAsync(ct);
        return File(Encoding.UTF8.GetBytes(VCardWriter.Write(people)), "text/vcard; charset=utf-8", VCardFileName);
    }

    /// <summary>
    /// A VEVENT for each conversation with a planned time that is not declined, in the user's time
    /// zone (the profile's, with its VTIMEZONE; UTC when the profile has none), so a calendar shows
    /// the same wall-clock time the pane does, across a change to or from daylight saving time.
    /// </summary>
    public static async Task<IResult> PlannedConversations(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var zoneId = (await db.Profiles.AsNoTracking().Select(p => p.TimeZone).FirstOrDefaultAsync(ct)) is { Length: > 0 } z
            && UserTimeZone.TryResolve(z, out var found) ? found : null;
        var interviews = await db.Interviews.AsNoTracking().Include(i => i.Person)
            .Where(i => i.PlannedStart != null && i.Stage != InterviewStage.Declined)
            .OrderBy(i => i.PlannedStart).ToListAsync(ct);
        return File(Encoding.UTF8.GetBytes(Calendar(interviews, zoneId, clock.GetUtcNow())), "text/calendar; charset=utf-8", CalendarFileName);
    }

    public static string Calendar(IEnumerable<Interview> interviews, TimeZoneInfo? zone, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//OutlookInterviewAddin//Planned conversations//EN" };
        calendar.AddProperty("X-WR-CALNAME", "Informational interviews");
        var tzId = zone is null ? null : (zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id);
        if (tzId is not null) calendar.AddTimeZone(new VTimeZone(tzId));
        foreach (var interview in interviews)
        {
            var start = interview.PlannedStart!.Value;
            var end = start.AddMinutes(interview.DurationMinutes ?? 30);
            var person = interview.Person!;
            var e = new CalendarEvent
            {
                Uid = $"{interview.Id}@outlook-interview-addin",
                Summary = $"Informational interview: {person.Name}" + (person.Organisation is { } org ? $" ({org})" : ""),
                Start = At(start, zone, tzId),
                End = At(end, zone, tzId),
                DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
                Location = interview.Place ?? interview.MeetingUrl,
                Status = interview.Stage == InterviewStage.Prospect || interview.Stage == InterviewStage.Contacted ? "TENTATIVE" : "CONFIRMED",
                Description = string.Join("\n", new[]
                {
                    person.Role is { } role ? $"{person.Name}, {role}" : null,
                    interview.MeetingUrl is { } url ? $"Join: {url}" : null,
                    $"Stage: {Camel(interview.Stage.ToString())}",
                }.Where(l => l is not null)),
            };
            if (interview.MeetingUrl is { } link && Uri.TryCreate(link, UriKind.Absolute, out var uri)) e.Url = uri;
            calendar.Events.Add(e);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime At(DateTimeOffset instant, TimeZoneInfo? zone, string? tzId)
    {
        if (zone is null || tzId is null) return new CalDateTime(instant.UtcDateTime, "UTC");
        var local = TimeZoneInfo.ConvertTimeFromUtc(instant.UtcDateTime, zone);
        return new CalDateTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), tzId);
    }

    private static async Task<Dictionary<Guid, InterviewStage>> LatestStagesAsync(AppDbContext db, CancellationToken ct) =>
        (await db.Interviews.AsNoTracking().Select(i => new { i.PersonId, i.Stage, i.CreatedAt }).ToListAsync(ct))
            .GroupBy(i => i.PersonId).ToDictionary(g => g.Key, g => g.OrderByDescending(i => i.CreatedAt).First().Stage);

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static NoStoreFile File(byte[] content, string contentType, string fileName)
    {
        return new NoStoreFile(TypedResults.File(content, contentType, fileName));
    }

    // The user's data: never kept by a browser or a proxy.
    private sealed class NoStoreFile(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "no-store";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
