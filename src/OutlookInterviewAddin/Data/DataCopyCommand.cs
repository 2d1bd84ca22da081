using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace OutlookInterviewAddin.Data;

/// <summary>
/// <c>copy-data-to-postgresql</c>: moves everything in a SQLite file (every user's people,
/// interviews, question lists and local mailbox) into an empty PostgreSQL database, in one
/// transaction, then exits. The file is left as it was, apart from being brought to the current
/// schema first.
/// </summary>
/// <remarks>
/// Data Protection keys are not copied: they are encrypted with the single host's own certificate,
/// and the PostgreSQL deployment makes its own, encrypted with the certificate its hosts share.
/// </remarks>
public static class DataCopyCommand
{
    public const string Name = "copy-data-to-postgresql";

    public const string Usage = $"""
        Usage: {Name} [--from <SQLite file>] [--to <PostgreSQL connection string>]
          --from  the SQLite file to copy; default: addin.db in the data folder (Storage:DataDirectory)
          --to    an empty PostgreSQL database; default: ConnectionStrings:PostgreSQL
        """;

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    /// <summary>Runs the command; the exit code is 0 when every row was copied, 1 otherwise (with the reason on <paramref name="error"/>).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        string? from = null, to = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--from" when i + 1 < args.Length: from = args[++i]; break;
                case "--to" when i + 1 < args.Length: to = args[++i]; break;
                default:
                    await error.WriteLineAsync($"Unknown argument: {args[i]}\n{Usage}");
                    return 1;
            }
        }
        from ??= Path.Combine(StorageOptions.From(configuration).DataDirectory, DataExtensions.DatabaseFileName);
        to ??= configuration.GetConnectionString(StorageOptions.PostgreSqlConnectionStringName);
        if (string.IsNullOrWhiteSpace(to))
        {
            await error.WriteLineAsync($"Say where to copy to: --to \"Host=...;Database=...;Username=...;Password=...\" or ConnectionStrings__PostgreSQL.\n{Usage}");
            return 1;
        }
        if (!File.Exists(from))
        {
            await error.WriteLineAsync($"There is no SQLite file at {from}.\n{Usage}");
            return 1;
        }

        try
        {
            var copied = await CopyAsync(from, to, cancellationToken);
            foreach (var (table, rows) in copied) await output.WriteLineAsync($"{table}: {rows}");
            await output.WriteLineAsync($"Copied {copied.Sum(c => c.Rows)} rows from {from} into PostgreSQL database {new NpgsqlConnectionStringBuilder(to).Database}.");
            return 0;
        }
        catch (Exception e) when (e is DataCopyRefusedException or DbUpdateException or NpgsqlException or SqliteException or ArgumentException or InvalidOperationException)
        {
            await error.WriteLineAsync($"Nothing was copied: {e.Message}");
            return 1;
        }
    }

    /// <summary>Copies every row; returns the number per table, in the order they were copied.</summary>
    public static async Task<List<(string Table, int Rows)>> CopyAsync(string sqliteFile, string postgreSqlConnectionString, CancellationToken cancellationToken = default)
    {
        await using var source = new AppDbContext(
            new DbContextOptionsBuilder<AppDbContext>().UseSqlite(new SqliteConnectionStringBuilder { DataSource = sqliteFile, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString()).Options,
            DataOwner.KeepingRowOwners);
        await source.Database.MigrateAsync(cancellationToken);

        await using var target = new PostgreSqlDbContext(
            new DbContextOptionsBuilder<PostgreSqlDbContext>().UseNpgsql(postgreSqlConnectionString).Options,
            DataOwner.KeepingRowOwners);
        await target.Database.MigrateAsync(cancellationToken);

        var tables = target.Model.GetEntityTypes().Where(e => e.ClrType != typeof(DataProtectionKey)).ToList();
        foreach (var table in tables)
        {
            if (await ForTable<Task<bool>>(nameof(HasRowsAsync), table.ClrType, target, cancellationToken))
                throw new DataCopyRefusedException($"the PostgreSQL database already holds data (table {table.GetTableName()}); copy into an empty one.");
        }

        await using var transaction = await target.Database.BeginTransactionAsync(cancellationToken);
        var copied = new List<(string, int)>();
        foreach (var table in tables)
        {
            var rows = await ForTable<Task<int>>(nameof(AddAllAsync), table.ClrType, source, target, cancellationToken);
            copied.Add((table.GetTableName()!, rows));
        }
        // EF Core orders the inserts so every row comes after the rows it refers to (a referrer before the people they referred).
        await target.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return copied;
    }

    // Calls one of the generic helpers below for an entity type known only at run time.
    private static TResult ForTable<TResult>(string helper, Type entity, params object[] arguments) =>
        (TResult)typeof(DataCopyCommand).GetMethod(helper, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(entity).Invoke(null, arguments)!;

    private static Task<bool> HasRowsAsync<T>(AppDbContext db, CancellationToken ct) where T : class =>
        db.Set<T>().IgnoreQueryFilters().AnyAsync(ct);

    private static async Task<int> AddAllAsync<T>(AppDbContext source, AppDbContext target, CancellationToken ct) where T : class
    {
        var rows = await source.Set<T>().IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        target.Set<T>().AddRange(rows);
        return rows.Count;
    }
}

public sealed class DataCopyRefusedException(string message) : Exception(message);
