using System.Globalization;
using System.Text.Json;
using Microsoft.Graph;
using Microsoft.Graph.Me.Messages.Item.CreateReply;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using OutlookInterviewAddin.Drafting.QuestionList;

namespace OutlookInterviewAddin.Mail;

/// <summary>Someone a mail or an invitation goes to.</summary>
public sealed record MailRecipient(string Name, string Address);

/// <summary>A draft to write: <paramref name="Tag"/> marks it so a retry finds it instead of making a second one.</summary>
public sealed record DraftMessage(string Tag, string Subject, string Html, MailRecipient To);

/// <summary>A message in the mailbox, as far as the product cares.</summary>
public sealed record MailItem(string Id, string? WebLink, bool IsDraft, DateTimeOffset? SentAt, string? Subject);

/// <summary>What one lookup learned: the draft already made for this tag, and the person's latest message to the user.</summary>
public sealed record DraftLookup(MailItem? Tagged, string? LatestFromPerson);

/// <summary>
/// The invite as Graph gets it: times as wall-clock values in the organiser's zone (a Windows id,
/// which every Outlook understands), tagged and with a stable transaction id.
/// </summary>
public sealed record InviteEvent(string Tag, string TransactionId, string Subject, string Html,
    DateTimeTimeZone Start, DateTimeTimeZone End, string? Location, string Category);

/// <summary>An event as far as resuming an invite cares: which files it carries and who is invited.</summary>
public sealed record EventState(string Id, string? WebLink, bool HasAttachments, IReadOnlyList<string> AttachmentNames, IReadOnlyList<string> Attendees);

/// <summary>An event the product tagged, with the times Outlook holds for it now (the user may have moved it there).</summary>
public sealed record TaggedEvent(string Id, string Tag, DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// Every Graph call the product makes, shaped like what it needs (see docs/mailbox.md for the round
/// trips of each action). Only reads are retried by the SDK: a write it repeats could make a second
/// draft or attach the file twice, and it resends a body it has already sent once. The callers
/// retry the whole lookup-then-write instead, which is safe. Each call has its own timeout.
/// </summary>
public sealed class MailboxGateway(GraphServiceClient graph, GraphOptions options)
{
    /// <summary>The single-value extended property that ties an item to an interview and an action.</summary>
    public const string TagPropertyId = "String {5d6e3a5c-2f0b-4c7e-9a43-7a1f0c2b9e11} Name InterviewItem";

    private const string ImmutableIds = "IdType=\"ImmutableId\"";

    private static readonly RetryHandlerOption NoRetry = new() { MaxRetry = 0, ShouldRetry = (_, _, _) => false };

    /// <summary>One round trip ($batch): the draft already tagged, and the latest message from the person when asked.</summary>
    public async Task<DraftLookup> LookupDraftAsync(string tag, string? latestFromAddress, CancellationToken ct)
    {
        return await CallAsync(async token =>
        {
            var requests = new List<RequestInformation>
            {
                graph.Me.Messages.ToGetRequestInformation(rc =>
                {
                    rc.QueryParameters.Filter = TagFilter(tag);
                    rc.QueryParameters.Select = ["id", "isDraft", "webLink", "sentDateTime", "subject"];
                    rc.QueryParameters.Top = 1;
                }),
            };
            if (latestFromAddress is not null)
            {
                requests.Add(graph.Me.Messages.ToGetRequestInformation(rc =>
                {
                    // Graph sorts a filtered query only by a property the filter names first.
                    rc.QueryParameters.Filter = $"receivedDateTime ge 2000-01-01T00:00:00Z and from/emailAddress/address eq {Quote(latestFromAddress)}";
                    rc.QueryParameters.Orderby = ["receivedDateTime desc"];
                    rc.QueryParameters.Select = ["id", "receivedDateTime"];
                    rc.QueryParameters.Top = 1;
                }));
            }
            var answers = await BatchAsync(requests, token);
            var found = answers[0]?.Value?.FirstOrDefault();
            var latestId = answers.Count > 1 ? answers[1]?.Value?.FirstOrDefault()?.Id : null;
            return new DraftLookup(found is null ? null : ItemOf(found), latestId);
        }, ct);
    }

    // JSON batching through the SDK's own pipeline (authentication, retry, the shared handler): the
    // GET requests are built by the SDK's request builders, sent as one POST to $batch, and each
    // answer is read with the SDK's own JSON parser. A failed sub-request fails the lookup.
    private async Task<List<MessageCollectionResponse?>> BatchAsync(List<RequestInformation> requests, CancellationToken ct)
    {
        var baseUrl = graph.RequestAdapter.BaseUrl!.TrimEnd('/');
        using var payload = new MemoryStream();
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("requests");
            for (var i = 0; i < requests.Count; i++)
            {
                requests[i].PathParameters["baseurl"] = baseUrl;
                var url = requests[i].URI.ToString();
                writer.WriteStartObject();
                writer.WriteString("id", (i + 1).ToString(CultureInfo.InvariantCulture));
                writer.WriteString("method", "GET");
                writer.WriteString("url", url.StartsWith(baseUrl, StringComparison.OrdinalIgnoreCase) ? url[baseUrl.Length..] : url);
                writer.WriteStartObject("headers");
                writer.WriteString("Prefer", ImmutableIds);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        var batch = new RequestInformation { HttpMethod = Method.POST, UrlTemplate = "{+baseurl}/$batch" };
        batch.PathParameters["baseurl"] = baseUrl;
        batch.Headers.Add("Accept", "application/json");
        batch.SetStreamContent(new MemoryStream(payload.ToArray()), "application/json");
        var errors = new Dictionary<string, ParsableFactory<IParsable>>
        {
            ["XXX"] = ODataError.CreateFromDiscriminatorValue,
        };
        batch.AddRequestOptions([NoRetry]);
        await using var answer = await graph.RequestAdapter.SendPrimitiveAsync<Stream>(batch, errors, ct)
            ?? throw Empty();
        using var document = await JsonDocument.ParseAsync(answer, cancellationToken: ct);
        var results = new MessageCollectionResponse?[requests.Count];
        foreach (var response in document.RootElement.GetProperty("responses").EnumerateArray())
        {
            var index = int.Parse(response.GetProperty("id").GetString()!, CultureInfo.InvariantCulture) - 1;
            var status = response.GetProperty("status").GetInt32();
            var body = response.TryGetProperty("body", out var b) ? b : default;
            if (status >= 400)
            {
                var error = body.ValueKind == JsonValueKind.Object ? new JsonParseNode(body).GetObjectValue(ODataError.CreateFromDiscriminatorValue) : new ODataError();
                error.ResponseStatusCode = status;
                throw error;
            }
            if (index >= 0 && index < results.Length && body.ValueKind == JsonValueKind.Object)
                results[index] = new JsonParseNode(body).GetObjectValue(MessageCollectionResponse.CreateFromDiscriminatorValue);
        }
        return [.. results];
    }

    /// <summary>The latest message from <paramref name="address"/> received at or after <paramref name="since"/>: a reply to the outreach; null when none came.</summary>
    public Task<MailItem?> LatestFromSinceAsync(string address, DateTimeOffset since, CancellationToken ct) =>
        CallAsync(async token =>
        {
            var found = await graph.Me.Messages.GetAsync(rc =>
            {
                rc.QueryParameters.Filter = $"receivedDateTime ge {since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)} and from/emailAddress/address eq {Quote(address)}";
                rc.QueryParameters.Orderby = ["receivedDateTime desc"];
                rc.QueryParameters.Select = ["id", "isDraft", "webLink", "sentDateTime", "subject"];
                rc.QueryParameters.Top = 1;
                rc.Headers.Add("Prefer", ImmutableIds);
            }, token);
            return found?.Value?.FirstOrDefault() is { } m ? ItemOf(m) : null;
        }, ct);

    public Task<MailItem> CreateDraftAsync(DraftMessage draft, CancellationToken ct) =>
        CallAsync(async token => ItemOf(await graph.Me.Messages.PostAsync(MessageOf(draft, withSubject: true), rc =>
        {
            rc.Options.Add(NoRetry);
            rc.Headers.Add("Prefer", ImmutableIds);
        }, token) ?? throw Empty()), ct);

    /// <summary>A draft reply in the thread of <paramref name="replyToId"/>; Graph sets the subject ("RE: …").</summary>
    public Task<MailItem> CreateReplyDraftAsync(string replyToId, DraftMessage draft, CancellationToken ct) =>
        CallAsync(async token => ItemOf(await graph.Me.Messages[replyToId].CreateReply.PostAsync(
            new CreateReplyPostRequestBody { Message = MessageOf(draft, withSubject: false) }, rc =>
            {
                rc.Options.Add(NoRetry);
                rc.Headers.Add("Prefer", ImmutableIds);
            }, token) ?? throw Empty()), ct);

    /// <summary>Rewrites a draft made earlier (the button pressed again, with or without edits).</summary>
    public Task<MailItem> UpdateDraftAsync(string id, DraftMessage draft, bool keepSubject, CancellationToken ct) =>
        CallAsync(async token => ItemOf(await graph.Me.Messages[id].PatchAsync(MessageOf(draft, withSubject: !keepSubject), rc =>
        {
            rc.Options.Add(NoRetry);
            rc.Headers.Add("Prefer", ImmutableIds);
        }, token) ?? throw Empty()), ct);

    /// <summary>
    /// Creates the event without attendees, so no invitation leaves before the file is attached. A
    /// repeated create with the same transaction id gives back the first event.
    /// </summary>
    public Task<EventState> CreateEventAsync(InviteEvent invite, CancellationToken ct) =>
        CallAsync(async token =>
        {
            var created = await graph.Me.Events.PostAsync(new Event
            {
                Subject = invite.Subject,
                Body = new ItemBody { ContentType = BodyType.Html, Content = invite.Html },
                Start = invite.Start,
                End = invite.End,
                Location = invite.Location is null ? null : new Location { DisplayName = invite.Location },
                Categories = [invite.Category],
                TransactionId = invite.TransactionId,
                IsReminderOn = true,
                ReminderMinutesBeforeStart = 30,
                SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = TagPropertyId, Value = invite.Tag }],
            }, rc =>
            {
                rc.Options.Add(NoRetry);
                rc.Headers.Add("Prefer", ImmutableIds);
            }, token) ?? throw Empty();
            return StateOf(created);
        }, ct);

    /// <summary>The event with its attachments' names and its attendees; null when it no longer exists.</summary>
    public async Task<EventState?> GetEventAsync(string id, CancellationToken ct)
    {
        try
        {
            return await CallAsync(async token => StateOf(await graph.Me.Events[id].GetAsync(rc =>
            {
                rc.QueryParameters.Select = ["id", "webLink", "hasAttachments", "attendees"];
                rc.QueryParameters.Expand = ["attachments($select=id,name)"];
                rc.Headers.Add("Prefer", ImmutableIds);
            }, token) ?? throw Empty()), ct);
        }
        catch (MailboxException e) when (e.Failure == MailboxFailure.NotFound)
        {
            return null;
        }
    }

    /// <summary>The event tagged for this interview's invite, when a create got through but its answer was lost.</summary>
    public Task<EventState?> FindEventAsync(string tag, CancellationToken ct) =>
        CallAsync(async token =>
        {
            var found = await graph.Me.Events.GetAsync(rc =>
            {
                rc.QueryParameters.Filter = TagFilter(tag);
                rc.QueryParameters.Select = ["id", "webLink", "hasAttachments", "attendees"];
                rc.QueryParameters.Expand = ["attachments($select=id,name)"];
                rc.QueryParameters.Top = 1;
                rc.Headers.Add("Prefer", ImmutableIds);
            }, token);
            return found?.Value?.FirstOrDefault() is { } e ? StateOf(e) : null;
        }, ct);

    /// <summary>
    /// The product's tagged events that overlap [<paramref name="from"/>, <paramref name="to"/>), read
    /// through calendarView (which expands recurrences and reflects a meeting the user moved in
    /// Outlook), at most <paramref name="limit"/> of them. Times are asked for in UTC.
    /// </summary>
    public Task<IReadOnlyList<TaggedEvent>> TaggedEventsAsync(DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken ct) =>
        CallAsync<IReadOnlyList<TaggedEvent>>(async token =>
        {
            var found = new List<TaggedEvent>();
            var page = await graph.Me.CalendarView.GetAsync(rc =>
            {
                rc.QueryParameters.StartDateTime = from.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                rc.QueryParameters.EndDateTime = to.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                rc.QueryParameters.Select = ["id", "start", "end"];
                rc.QueryParameters.Expand = [$"singleValueExtendedProperties($filter=id eq {Quote(TagPropertyId)})"];
                rc.QueryParameters.Top = 100;
                rc.Headers.Add("Prefer", ImmutableIds);
                rc.Headers.Add("Prefer", "outlook.timezone=\"UTC\"");
            }, token);
            while (page is not null)
            {
                foreach (var e in page.Value ?? [])
                {
                    var tag = e.SingleValueExtendedProperties?.FirstOrDefault(p => string.Equals(p.Id, TagPropertyId, StringComparison.OrdinalIgnoreCase))?.Value;
                    if (tag is null || e.Id is null || UtcOf(e.Start) is not { } start || UtcOf(e.End) is not { } end) continue;
                    found.Add(new TaggedEvent(e.Id, tag, start, end));
                }
                if (found.Count >= limit || page.OdataNextLink is not { } next) break;
                page = await graph.Me.CalendarView.WithUrl(next).GetAsync(rc =>
                {
                    rc.Headers.Add("Prefer", ImmutableIds);
                    rc.Headers.Add("Prefer", "outlook.timezone=\"UTC\"");
                }, token);
            }
            return found.Count > limit ? found[..limit] : found;
        }, ct);

    // An event time asked for in UTC: "2026-03-02T15:00:00.0000000" with time zone "UTC".
    private static DateTimeOffset? UtcOf(DateTimeTimeZone? time) =>
        time?.DateTime is { } text && string.Equals(time.TimeZone, "UTC", StringComparison.OrdinalIgnoreCase)
            && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? new DateTimeOffset(value, TimeSpan.Zero)
            : null;

    public Task AttachAsync(string eventId, QuestionListFile file, CancellationToken ct) =>
        CallAsync(async token =>
        {
            await graph.Me.Events[eventId].Attachments.PostAsync(new FileAttachment
            {
                OdataType = "#microsoft.graph.fileAttachment",
                Name = file.FileName,
                ContentType = QuestionListFile.ContentType,
                ContentBytes = file.Content,
            }, rc => rc.Options.Add(NoRetry), token);
            return true;
        }, ct);

    /// <summary>Adds the attendee, which is what makes Graph send the invitation (with the files the event has).</summary>
    public Task InviteAsync(string eventId, MailRecipient attendee, CancellationToken ct) =>
        CallAsync(async token =>
        {
            await graph.Me.Events[eventId].PatchAsync(new Event
            {
                Attendees =
                [
                    new Attendee { Type = AttendeeType.Required, EmailAddress = new EmailAddress { Name = attendee.Name, Address = attendee.Address } },
                ],
            }, rc =>
            {
                rc.Options.Add(NoRetry);
                rc.Headers.Add("Prefer", ImmutableIds);
            }, token);
            return true;
        }, ct);

    // The SDK's models send every property that was assigned, null included: a reply that must keep
    // Graph's "RE: …" subject gets no subject property at all rather than an empty one.
    private static Message MessageOf(DraftMessage draft, bool withSubject)
    {
        var message = new Message
        {
            Body = new ItemBody { ContentType = BodyType.Html, Content = draft.Html },
            ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Name = draft.To.Name, Address = draft.To.Address } }],
            SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = TagPropertyId, Value = draft.Tag }],
        };
        if (withSubject) message.Subject = draft.Subject;
        return message;
    }

    private static MailItem ItemOf(Message m) => new(m.Id ?? throw Empty(), m.WebLink, m.IsDraft ?? true, m.SentDateTime, m.Subject);

    private static EventState StateOf(Event e) => new(
        e.Id ?? throw Empty(),
        e.WebLink,
        e.HasAttachments ?? false,
        [.. (e.Attachments ?? []).Select(a => a.Name ?? "")],
        [.. (e.Attendees ?? []).Select(a => a.EmailAddress?.Address ?? "").Where(a => a.Length > 0)]);

    private static string TagFilter(string tag) =>
        $"singleValueExtendedProperties/Any(ep: ep/id eq {Quote(TagPropertyId)} and ep/value eq {Quote(tag)})";

    // OData string literal: single quotes, an apostrophe doubled.
    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static MailboxException Empty() => new(MailboxFailure.Refused, "Graph answered without the item.");

    // One attempt of one call: its own timeout, and Graph's and Azure.Identity's errors translated.
    private async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attempt.CancelAfter(TimeSpan.FromSeconds(options.AttemptTimeoutSeconds));
        try
        {
            return await call(attempt.Token);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new MailboxException(MailboxFailure.TimedOut, "Outlook did not answer in time.", null, e);
        }
        catch (HttpRequestException e)
        {
            throw new MailboxException(MailboxFailure.Unavailable, "Outlook could not be reached.", null, e);
        }
        catch (Exception e) when (e is not MailboxException && MailboxException.From(e) is { } translated)
        {
            throw translated;
        }
    }
}
