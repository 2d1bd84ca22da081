using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Automation;
using OutlookInterviewAddin.Caching;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Deleting;
using OutlookInterviewAddin.Export;
using OutlookInterviewAddin.FollowThrough;
using OutlookInterviewAddin.Hosting;
using OutlookInterviewAddin.Import;
using OutlookInterviewAddin.Interviews;
using OutlookInterviewAddin.LocalMailbox;
using OutlookInterviewAddin.Localization;
using OutlookInterviewAddin.Mail;
using OutlookInterviewAddin.Manifest;
using OutlookInterviewAddin.NextActions;
using OutlookInterviewAddin.People;
using OutlookInterviewAddin.Profile;
using OutlookInterviewAddin.QuestionLists;
using OutlookInterviewAddin.Validation;

// `copy-data-to-postgresql`: moves a SQLite file's data into an empty PostgreSQL database, then exits (docs/deployment.md).
if (DataCopyCommand.Matches(args)) return await DataCopyCommand.RunAsync(args, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);

// HTTPS on https://localhost:3000 by default; a self-signed certificate when no dev certificate exists.
builder.WebHost.UseLocalHttpsFallback(builder.Configuration);

// The pane's compressed files: a build keeps them under obj/ and lists them in a runtime manifest,
// which ASP.NET Core reads only in Development unless asked; a published folder has them in wwwroot.
builder.WebHost.UseStaticWebAssets();
// With a build's manifest ASP.NET Core also maps a GET-only catch-all for files added after start,
// which turns a POST to any unknown address into a 405; outside Development every pane file is in
// the manifest, so unknown addresses stay 404.
const string staticAssetFallback = "DisableStaticAssetNotFoundRuntimeFallback";
if (builder.Configuration[staticAssetFallback] is null && !builder.Environment.IsDevelopment())
    builder.Configuration.AddInMemoryCollection([new(staticAssetFallback, "true")]);

// Host names answered: loopback only in local mode (no DNS rebinding), AllowedHosts in Microsoft 365 mode.
builder.Services.AddAllowedHosts();

// Sign-in: local tokens or Entra ID tokens through one JwtBearer pipeline; CurrentUser per request.
builder.Services.AddAddinAuthentication();

// Errors as ProblemDetails, never a stack trace (the framework's own in the request's language); an OpenAPI document for the API.
builder.Services.AddLocalizedProblemDetails();
builder.Services.AddBadRequestProblems();
builder.Services.AddOpenApi();
// The API's sentences in the request's language (Accept-Language): English, or French.
builder.Services.AddRequestLanguages();
builder.Services.AddHealthChecks();

// Behind a reverse proxy: X-Forwarded-* believed only from the configured proxies.
builder.Services.AddReverseProxySupport(builder.Configuration);

// One log line per request under its trace id; OpenTelemetry traces and metrics over OTLP when configured.
builder.Services.AddTelemetry(builder.Configuration);

// Storage: a SQLite file in the data folder, or PostgreSQL for several hosts; each request sees only
// its user's rows. Data Protection keys are kept (encrypted) with the data.
builder.Services.AddAppData(builder.Configuration);
// Deleted people and conversations kept a few minutes for "Undo", then removed.
builder.Services.AddDeletedRecords();

// The people list and next actions answered from a per-user cache that every write of the user retires.
builder.Services.AddAnswerCache();

// Next actions: follow-ups, thank-yous and meetings, computed in the user's time zone.
builder.Services.AddNextActions();

// Microsoft Graph: on behalf of the user in Microsoft 365 mode, the host's own local mailbox in local mode.
builder.Services.AddMail();

// Automation in Microsoft 365 mode acts through a long-running on-behalf-of session, begun when the
// user turns it on; its token cache is kept, encrypted, with the data.
if (AddinMode.From(builder.Configuration) == AddinModeKind.Microsoft365)
    builder.Services.AddMicrosoft365AutomationSession();

// Follow-through: per-user sweeps on Quartz (clustered on PostgreSQL) that draft thank-yous, the one
// follow-up and stay-in-touch updates, and notice replies; nothing is ever sent.
builder.Services.AddFollowThrough(builder.Configuration);

// The local mailbox's services (local mode): Graph-shaped errors on its routes.
builder.Services.AddLocalMailbox();

// The Outlook add-in manifest, rendered for this host's public address (Manifest:PublicBaseUrl).
builder.Services.AddManifest();

// The pane's page, rendered once from Pane/index.html with its content-named asset addresses.
builder.Services.AddPanePage();

var app = builder.Build();

// The mode and the data folder, before anything else is logged; the addresses once listening.
app.ReportModeOnStart();

app.UseReverseProxySupport();
app.UseRequestLanguages();
app.UseHttpLogging();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseHsts();
app.UseSecurityHeaders();

// Requests that need the data wait for the start-up migration, which runs once the host listens.
app.UseAppDataGate();

app.UseAuthentication();
app.UseAuthorization();
app.UseAnswerCache();

app.MapHealthEndpoints();
// The pane: its page (sign-in settings inlined, content-named asset addresses, a CSP) and its files.
app.MapPanePage();
app.MapOpenApi().AllowAnonymous();
app.MapAuth();
app.MapManifest();

// The interview workflow: profile, people, interviews, question lists; an export of it all (JSON,
// CSV, vCard, iCalendar) and its erasure; people imported from LinkedIn, vCard files and Outlook contacts.
app.MapProfile();
app.MapPeople();
app.MapInterviews();
app.MapQuestionLists();
app.MapExport();
app.MapImport();
// A deleted person or conversation comes back with "Undo" for a few minutes.
app.MapDeleted();

// One list of what to do next, most urgent first.
app.MapNextActions();

// The outreach request, the invite with the question list and the thank-you: previewed, then created through Graph.
app.MapDrafts();

// Whether automation can reach the mailbox while the user is away (Microsoft 365 mode's session).
app.MapAutomationSession();
// The follow-through setting (on or off, the stay-in-touch interval, holidays) and what it did.
app.MapAutomation();

// Local mode only: a Graph-compatible mailbox at /graph/v1.0 for the product's Graph client, and its page's API.
app.MapLocalMailbox();

await app.RunAsync();
return Environment.ExitCode;

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
