using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OutlookInterviewAddin.Auth;
using OutlookInterviewAddin.Hosting;

namespace OutlookInterviewAddin.Data;

public static class DataExtensions
{
    public const string DatabaseFileName = "addin.db";

    /// <summary>
    /// The database: a SQLite file in the data folder (Storage:DataDirectory). The context is scoped
    /// to a request and sees only the signed-in user's rows.
    /// </summary>
    public static IServiceCollection AddAppData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = SqliteConnectionString(DataFolderOptions.Resolve(configuration));
        services.AddScoped(sp =>
        {
            var principal = sp.GetService<IHttpContextAccessor>()?.HttpContext?.User;
            return DataOwner.From(principal is null ? null : CurrentUser.FromPrincipal(principal));
        });
        services.AddDbContext<AppDbContext>(options => options.UseSqlite(connectionString));
        return services;
    }

    /// <summary>
    /// A context for <paramref name="owner"/> outside a request (a background worker acting for one
    /// user); dispose it. Inside a request, inject <see cref="AppDbContext"/> instead.
    /// </summary>
    public static AppDbContext CreateDbContextFor(this IServiceProvider scopedServices, DataOwner owner) =>
        ActivatorUtilities.CreateInstance<AppDbContext>(scopedServices, owner);

    public static string SqliteConnectionString(string dataDirectory) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, DatabaseFileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Waits for a writer instead of failing at once when two requests write together.
            DefaultTimeout = 30,
        }.ToString();

    /// <summary>Creates the data folder and the database on first run, applies migrations, and turns on write-ahead logging.</summary>
    public static async Task MigrateAppDataAsync(this WebApplication app)
    {
        Directory.CreateDirectory(DataFolderOptions.Resolve(app.Configuration));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // WAL lets the pane read while a write is in progress; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }
}
