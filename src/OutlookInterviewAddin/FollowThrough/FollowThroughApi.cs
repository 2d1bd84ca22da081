using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Automation;
using OutlookInterviewAddin.Data;
using OutlookInterviewAddin.Localization;
using OutlookInterviewAddin.NextActions;
using OutlookInterviewAddin.Validation;
using Quartz;

namespace OutlookInterviewAddin.FollowThrough;

/// <summary>The automation setting as the pane reads and writes it.</summary>
/// <param name="StayInTouchMonths">1 to 12; null stops the stay-in-touch nudges.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code whose public holidays business days skip; null: weekends only.</param>
/// <param name="Problem">Why automation is not running when it should (not available in this mode, the grant revoked), for the pane to show.</param>
public sealed record AutomationDto(bool Enabled, int? StayInTouchMonths, string? Country, string? Province, string? Problem);

public sealed record AutomationInput(bool? Enabled, int? StayInTouchMonths = AutomationSetting.DefaultStayInTouchMonths, string? Country = null, string? Province = null);

/// <summary>Follow-through options (section Automation).</summary>
public sealed class AutomationOptions
{
    public const string Section = "Automation";

    /// <summary>How often each user's sweep runs.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 86_400)]
    public int SweepIntervalSeconds { get; set; } = 300;

    /// <summary>Whether this host runs the scheduler at all (a host can serve requests only).</summary>
    public bool RunScheduler { get; set; } = true;
}

public static class FollowThroughApi
{
    /// <summary>
    /// The follow-through: the sweep, the local mode's mailbox and session, and Quartz with its ADO.NET
    /// job store in the app's database (clustered on PostgreSQL), started once the data is migrated.
    /// In Microsoft 365 mode nothing is registered for <see cref="IBackgroundMailbox"/> and
    /// <see cref="IAutomationSession"/> here: the long-running on-behalf-of session provides them.
    /// </summary>
    public static IServiceCollection AddFollowThrough(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AutomationOptions>().BindConfiguration(AutomationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<FollowThroughSweep>();
        // Microsoft 365 mode: AddMicrosoft365AutomationSession() registers the two seams; until then the sweep says automation is not available.
        if (!(configuration.GetSection(EntraOptions.Section).Get<EntraOptions>() ?? new EntraOptions()).AnySet)
        {
            services.AddSingleton<IBackgroundMailbox, LocalBackgroundMailbox>();
            services.AddSingleton<IAutomationSession, LocalAutomationSession>();
        }

        var storage = StorageOptions.From(configuration);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                // One name for every host of a deployment (they share its jobs), a generated id for each.
                s.InstanceName = "OutlookInterviewAddin";
                s.GenerateInstanceId = true;
                s.IdleWaitTime = TimeSpan.FromSeconds(5);
            });
            q.UseDefaultThreadPool(2);
            q.UsePersistentStore(store =>
            {
                store.ConfigureStore(o => o.TablePrefix = QuartzSchema.TablePrefix);
                if (storage.IsPostgreSql)
                {
                    store.UsePostgres(storage.ConnectionString);
                    store.UseClustering();
                }
                else
                {
                    store.UseSqlite(storage.ConnectionString);
                }
            });
        });
        services.AddSingleton<FollowThroughScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<FollowThroughScheduler>());
        return services;
    }

    public static IEndpointRouteBuilder MapAutomation(this IEndpointRouteBuilder app)
    {
        var automation = app.MapGroup("/api/automation").RequireAuthorization().WithTags("Automation");
        automation.MapGet("/", GetAutomation);
        automation.MapPut("/", PutAutomation);
        automation.MapGet("/activity", GetActivity);
        return app;
    }

    public static async Task<Ok<AutomationDto>> GetAutomation(AppDbContext db, CancellationToken ct)
    {
        var setting = await db.AutomationSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? new AutomationSetting();
        return TypedResults.Ok(Dto(setting));
    }

    /// <summary>
    /// Turns automation on or off and sets its options. On: the session the jobs act through is begun
    /// with the caller's token (in local mode there is nothing to begin) and the user's sweep is
    /// scheduled. Off: the session ends and the sweep is removed. Nothing is ever sent, only drafted.
    /// </summary>
    public static async Task<Results<Ok<AutomationDto>, ValidationProblem, ProblemHttpResult>> PutAutomation(
        AutomationInput input, HttpContext http, AppDbContext db, CurrentUser user, FollowThroughScheduler scheduler, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (input.Enabled is null) errors.Add("enabled", ApiText.Get("Automation.Enabled"));
        if (input.StayInTouchMonths is { } months && months is < 1 or > 12)
            errors.Add("stayInTouchMonths", ApiText.Get("Automation.StayInTouchMonths"));
        var country = string.IsNullOrWhiteSpace(input.Country) ? null : input.Country.Trim().ToUpperInvariant();
        var province = string.IsNullOrWhiteSpace(input.Province) ? null : input.Province.Trim().ToUpperInvariant();
        if (country is not null && !Holidays.IsKnownCountry(country))
            errors.Add("country", ApiText.Get("Automation.Country"));
        if (province is not null && (country is null || province.Length > 10))
            errors.Add("province", ApiText.Get("Automation.Province"));
        if (errors.Any) return errors.Problem();
        // Turning it on needs the scheduler that runs the jobs; without it nothing is changed.
        if (input.Enabled == true && !await scheduler.IsRunningAsync(ct))
            return Problems.Unavailable(ApiText.Get("Automation.CannotStart"), ApiText.Get("Automation.CannotStart.Detail"));

        var setting = await db.AutomationSettings.SingleOrDefaultAsync(ct);
        if (setting is null) db.AutomationSettings.Add(setting = new AutomationSetting());
        var owner = DataOwner.From(user);
        var now = clock.GetUtcNow();
        setting.StayInTouchMonths = input.StayInTouchMonths;
        setting.Country = country;
        setting.Province = country is null ? null : province;
        setting.UpdatedAt = now;
        var session = http.RequestServices.GetService<IAutomationSession>();
        if (input.Enabled == true)
        {
            if (session is null || http.RequestServices.GetService<IBackgroundMailbox>() is null)
            {
                setting.Enabled = false;
                setting.Problem = FollowThroughSweep.NotAvailable;
            }
            else
            {
                await session.BeginAsync(user, BearerToken(http), ct);
                if (!setting.Enabled) setting.EnabledAt = now;
                setting.Enabled = true;
                setting.Problem = null;
            }
        }
        else
        {
            if (session is not null) await session.EndAsync(owner, ct);
            setting.Enabled = false;
            setting.Problem = null;
        }
        await db.SaveChangesAsync(ct);
        if (setting.Enabled) await scheduler.ScheduleAsync(owner, runNow: true, ct);
        else await scheduler.UnscheduleAsync(owner, ct);
        return TypedResults.Ok(Dto(setting));
    }

    /// <summary>What the follow-through did, newest first: the latest 50, or everything with <paramref name="all"/>.</summary>
    public static async Task<Ok<List<ActivityDto>>> GetActivity(bool? all, AppDbContext db, CancellationToken ct)
    {
        var rows = await db.AutomationActivities.AsNoTracking().Where(a => a.CompletedAt != null)
            .OrderByDescending(a => a.CompletedAt).Take(all == true ? 10_000 : 50).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(ActivityDto.From).ToList());
    }

    private static AutomationDto Dto(AutomationSetting s) => new(s.Enabled, s.StayInTouchMonths, s.Country, s.Province, FollowThroughSummary.ProblemOf(s));

    private static string BearerToken(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
    }
}

/// <summary>One thing the follow-through did; its summary in the request's language.</summary>
public sealed record ActivityDto(AutomationWork Work, Guid InterviewId, Guid PersonId, string PersonName, int Round, DateTimeOffset At, string? ItemId, string Summary)
{
    public static ActivityDto From(AutomationActivity a) => new(a.Work, a.InterviewId, a.PersonId, a.PersonName, a.Round, a.CompletedAt ?? a.ClaimedAt, a.ItemId, StoredText.Read(a.Summary));
}

/// <summary>
/// Starts Quartz once the app's data is migrated and Quartz's own tables exist, and schedules or
/// removes each user's sweep. Quartz keeps time on the real clock; the sweep reads the injected
/// <see cref="TimeProvider"/> for what is due, so tests move that clock and fire the job.
/// </summary>
public sealed class FollowThroughScheduler(ISchedulerFactory factory, AppDataReadiness readiness, IServiceProvider services,
    Microsoft.Extensions.Options.IOptions<AutomationOptions> options, ILogger<FollowThroughScheduler> logger) : BackgroundService
{
    private readonly TaskCompletionSource<IScheduler> started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How long a request waits for a scheduler that is still starting.</summary>
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(10);

    /// <summary>The running scheduler, once the tables exist.</summary>
    public Task<IScheduler> SchedulerAsync(CancellationToken ct = default) => started.Task.WaitAsync(ct);

    /// <summary>Whether the scheduler started (waiting briefly while it starts); false when it failed to.</summary>
    public async Task<bool> IsRunningAsync(CancellationToken ct)
    {
        try
        {
            await started.Task.WaitAsync(StartWait, ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await readiness.WaitAsync(stoppingToken);
            await using (var scope = services.CreateAsyncScope())
            {
                await QuartzSchema.ApplyAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), stoppingToken);
            }
            var scheduler = await factory.GetScheduler(stoppingToken);
            if (options.Value.RunScheduler) await scheduler.Start(stoppingToken);
            started.TrySetResult(scheduler);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            started.TrySetCanceled(stoppingToken);
        }
        catch (AppDataUnavailableException e)
        {
            started.TrySetException(e);
        }
        catch (Exception e)
        {
            logger.LogError(e, "The follow-through scheduler could not start; automation does not run on this host");
            started.TrySetException(e);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (started.Task.IsCompletedSuccessfully) await started.Task.Result.Shutdown(waitForJobsToComplete: false, cancellationToken);
        await base.StopAsync(cancellationToken);
    }

    /// <summary>The user's sweep, every <see cref="AutomationOptions.SweepIntervalSeconds"/>; with <paramref name="runNow"/> it also runs at once.</summary>
    public async Task ScheduleAsync(DataOwner owner, bool runNow, CancellationToken ct)
    {
        var scheduler = await SchedulerAsync(ct);
        var job = FollowThroughJob.DetailFor(owner);
        var trigger = TriggerBuilder.Create()
            .WithIdentity(job.Key.Name, FollowThroughJob.Group)
            .ForJob(job.Key)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(options.Value.SweepIntervalSeconds)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        if (!await scheduler.Exists(job.Key, ct))
        {
            await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, ct);
            return;
        }
        if (runNow) await scheduler.TriggerJob(job.Key, null, ct);
    }

    /// <summary>Runs the user's sweep now (takeaways were just recorded), when automation is on.</summary>
    public async Task RunNowAsync(DataOwner owner, CancellationToken ct)
    {
        try
        {
            var scheduler = await SchedulerAsync(ct);
            if (await scheduler.Exists(FollowThroughJob.KeyFor(owner), ct)) await scheduler.TriggerJob(FollowThroughJob.KeyFor(owner), null, ct);
        }
        catch (Exception e) when (e is SchedulerException or AppDataUnavailableException or InvalidOperationException)
        {
            // The periodic sweep drafts it instead; the user's write has succeeded either way.
            logger.LogWarning(e, "Could not run the follow-through now for {Owner}", owner.ObjectId);
        }
    }

    /// <summary>Removes the user's sweep. Without a scheduler there is none to remove, and the sweep reads the setting (off) before doing anything.</summary>
    public async Task UnscheduleAsync(DataOwner owner, CancellationToken ct)
    {
        if (!await IsRunningAsync(ct)) return;
        var scheduler = await SchedulerAsync(ct);
        await scheduler.DeleteJob(FollowThroughJob.KeyFor(owner), ct);
    }
}
