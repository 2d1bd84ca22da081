using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Caching;
using OutlookInterviewAddin.Hosting;
using OutlookInterviewAddin.Localization;

namespace OutlookInterviewAddin.Data;

public static class DataExtensions
{
    public const string DatabaseFileName = "addin.db";

    /// <summary>
    /// The database: a SQLite file in the data folder (Storage:DataDirectory) by default, or the
    /// PostgreSQL database of ConnectionStrings:PostgreSQL. The context is scoped to a request and
    /// sees only the signed-in user's rows. Migrations run in the background once the host listens;
    /// requests that need the data wait for them (see <see cref="AppDataReadiness"/>).
    /// </summary>
    public static IServiceCollection AddAppData(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = StorageOptions.From(configuration);
        services.AddSingleton(storage);
        // Every write moves its user's data version, which retires their cached answers (Caching/).
        services.TryAddSingleton<UserDataVersions>();
        services.TryAddSingleton<DataVersionInterceptor>();
        services.AddScoped(sp =>
        {
            var principal = sp.GetService<IHttpContextAccessor>()?.HttpContext?.User;
            return DataOwner.From(principal is null ? null : CurrentUser.FromPrincipal(principal));
        });
        if (storage.IsPostgreSql)
        {
            services.AddDbContext<PostgreSqlDbContext>((sp, options) => options.UseNpgsql(storage.ConnectionString).AddInterceptors(sp.GetRequiredService<DataVersionInterceptor>()));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgreSqlDbContext>());
        }
        else
        {
            services.AddDbContext<AppDbContext>((sp, options) => options.UseSqlite(storage.ConnectionString).AddInterceptors(sp.GetRequiredService<DataVersionInterceptor>()));
        }

        services.AddSingleton<AppDataReadiness>();
        services.AddHostedService<AppDataMigrator>();
        services.AddHealthChecks().AddCheck<AppDataHealthCheck>("storage", tags: [HealthEndpoints.ReadyTag]);
        services.AddDataProtectionWithTheData(configuration, storage);
        return services;
    }

    /// <summary>
    /// A context for <paramref name="owner"/> outside a request (a background worker acting for one
    /// user); dispose it. Inside a request, inject <see cref="AppDbContext"/> instead.
    /// </summary>
    public static AppDbContext CreateDbContextFor(this IServiceProvider scopedServices, DataOwner owner) =>
        (AppDbContext)ActivatorUtilities.CreateInstance(scopedServices, scopedServices.GetRequiredService<StorageOptions>().ContextType, owner);

    public static string SqliteConnectionString(string dataDirectory) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, DatabaseFileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Waits for a writer instead of failing at once when two requests write together.
            DefaultTimeout = 30,
        }.ToString();

    /// <summary>
    /// Requests wait here until the data is migrated (a second or two on first run, nothing after);
    /// the pane's files and the health endpoints are served before it. If migrating failed, the
    /// request gets a 503 that says so instead of an error from a missing table.
    /// </summary>
    private static bool IsPaneFile(PathString path) =>
        path == "/" || path == "/index.html" || path.StartsWithSegments("/dist") || path.StartsWithSegments("/assets");

    public static IApplicationBuilder UseAppDataGate(this IApplicationBuilder app)
    {
        var readiness = app.ApplicationServices.GetRequiredService<AppDataReadiness>();
        return app.Use(async (context, next) =>
        {
            if (!readiness.IsReady && !context.Request.Path.StartsWithSegments(HealthEndpoints.Path) && !IsPaneFile(context.Request.Path))
            {
                try
                {
                    await readiness.WaitAsync(context.RequestAborted);
                }
                catch (AppDataUnavailableException e)
                {
                    await Results.Problem(title: ApiText.Get("Storage.Unavailable"), detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable)
                        .ExecuteAsync(context);
                    return;
                }
            }
            await next(context);
        });
    }
}

/// <summary>Whether the database has been migrated and can serve requests.</summary>
public sealed class AppDataReadiness
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => ready.Task.IsCompletedSuccessfully;

    /// <summary>Why the data cannot be served, once migrating failed.</summary>
    public string? Failure { get; private set; }

    /// <summary>Completes when the data is ready; throws <see cref="AppDataUnavailableException"/> if it never will be.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await ready.Task.WaitAsync(cancellationToken);
        }
        catch (InvalidOperationException) when (Failure is not null)
        {
            throw new AppDataUnavailableException(Failure);
        }
    }

    internal void MarkReady() => ready.TrySetResult();

    internal void MarkFailed(string reason)
    {
        Failure = reason;
        ready.TrySetException(new InvalidOperationException(reason));
    }
}

public sealed class AppDataUnavailableException(string message) : Exception(message);

/// <summary>
/// Creates the database on first run and applies migrations, after the host starts listening, so
/// a load balancer sees it alive at once and ready when this is done. Several hosts starting
/// together over one PostgreSQL database take turns: EF Core holds a lock while it migrates.
/// </summary>
internal sealed class AppDataMigrator(IServiceProvider services, StorageOptions storage, AppDataReadiness readiness, IHostApplicationLifetime lifetime, ILogger<AppDataMigrator> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: SQLite's "async" calls complete synchronously.
        await Task.Yield();
        try
        {
            if (!storage.IsPostgreSql) Directory.CreateDirectory(storage.DataDirectory);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(stoppingToken)).ToList();
            if (pending.Count > 0)
                logger.LogInformation("Updating the {Storage} to the current schema ({Count} migrations)", storage.Describe(), pending.Count);
            await db.Database.MigrateAsync(stoppingToken);
            if (db.Database.IsSqlite())
            {
                // WAL lets the pane read while a write is in progress; the mode is stored in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", stoppingToken);
            }
            readiness.MarkReady();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            readiness.MarkFailed("The host is stopping.");
        }
        catch (Exception e)
        {
            var reason = $"The {storage.Describe()} could not be opened or updated: {e.Message}";
            logger.LogCritical(e, "{Reason} Stopping.", reason);
            readiness.MarkFailed(reason);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }
}

/// <summary>Ready when the database is migrated and answers.</summary>
internal sealed class AppDataHealthCheck(AppDataReadiness readiness, IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (readiness.Failure is { } failure) return HealthCheckResult.Unhealthy(failure);
        if (!readiness.IsReady) return HealthCheckResult.Unhealthy("The database is being updated.");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
    }
}
