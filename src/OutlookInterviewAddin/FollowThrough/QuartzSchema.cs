using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using OutlookInterviewAddin.Data;

namespace OutlookInterviewAddin.FollowThrough;

/// <summary>
/// Quartz does not create its tables. Its official scripts (QuartzTables/, from the quartznet
/// repository, unchanged) are applied once, after the app's migrations, when the tables are missing;
/// the scripts' leading DROP statements are skipped, so nothing is ever removed. Hosts starting
/// together over PostgreSQL take turns under an advisory lock.
/// </summary>
public static class QuartzSchema
{
    public const string TablePrefix = "QRTZ_";

    // Any fixed number: the lock only orders the hosts applying this script.
    private const long AdvisoryLock = 0x51_52_54_5A;

    public static async Task ApplyAsync(AppDbContext db, CancellationToken ct)
    {
        var postgres = !db.Database.IsSqlite();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            if (postgres) await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLock})", ct);
            var exists = await ScalarAsync(connection, transaction, postgres
                ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'qrtz_locks'"
                : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'QRTZ_LOCKS'", ct);
            if (exists == 0)
            {
                foreach (var statement in Statements(Script(postgres ? "tables_postgres.sql" : "tables_sqlite.sql"), postgres))
                    await ExecuteAsync(connection, transaction, statement, ct);
            }
            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Script(string name)
    {
        using var stream = typeof(QuartzSchema).Assembly.GetManifestResourceStream($"OutlookInterviewAddin.FollowThrough.{name.Replace(".sql", "", StringComparison.Ordinal)}.sql")
            ?? throw new InvalidOperationException($"The Quartz script {name} is not embedded in the host.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The script's statements without its drops (PostgreSQL's are in one DO block, SQLite's are DROP TABLE lines) and its comments.</summary>
    internal static IEnumerable<string> Statements(string script, bool postgres)
    {
        if (postgres)
        {
            var doStart = script.IndexOf("DO $$", StringComparison.Ordinal);
            if (doStart >= 0)
            {
                var doEnd = script.IndexOf("END $$;", doStart, StringComparison.Ordinal);
                script = script[..doStart] + script[(doEnd + "END $$;".Length)..];
            }
        }
        var lines = script.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal));
        var pending = "";
        foreach (var piece in string.Join('\n', lines).Split(';'))
        {
            // A SQLite trigger's body holds statements of its own: it ends at END.
            pending = pending.Length == 0 ? piece : pending + ";" + piece;
            var trimmed = pending.Trim();
            if (trimmed.StartsWith("CREATE TRIGGER", StringComparison.OrdinalIgnoreCase) && !trimmed.EndsWith("END", StringComparison.OrdinalIgnoreCase)) continue;
            pending = "";
            if (trimmed.Length == 0 || trimmed.StartsWith("DROP ", StringComparison.OrdinalIgnoreCase)) continue;
            // A script's own COMMIT: the transaction here is what commits.
            if (trimmed.Equals("COMMIT", StringComparison.OrdinalIgnoreCase)) continue;
            yield return trimmed;
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
