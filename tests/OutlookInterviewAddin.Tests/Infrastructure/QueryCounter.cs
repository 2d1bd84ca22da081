using System.Collections;
using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OutlookInterviewAddin.Data;

namespace OutlookInterviewAddin.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands EF Core runs and the rows it reads back, so a test can show that an
/// endpoint's work is bounded by the page it answers rather than by the size of the user's data.
/// Attach it with <see cref="AttachTo"/>, on whichever provider the suite runs.
/// </summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    /// <summary>Counts every command of the host's context, SQLite's or PostgreSQL's (their options are configured apart).</summary>
    public void AttachTo(IServiceCollection services)
    {
        services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(this));
        services.ConfigureDbContext<PostgreSqlDbContext>(options => options.AddInterceptors(this));
    }

    private int commands;
    private int rows;

    /// <summary>When set, only the commands for which it answers true are counted (for example, those of requests, not of background work).</summary>
    public Func<bool>? Only { get; set; }

    private void Command()
    {
        if (Only is null || Only()) Interlocked.Increment(ref commands);
    }

    public int Commands => Volatile.Read(ref commands);
    public int Rows => Volatile.Read(ref rows);

    public void Reset()
    {
        Volatile.Write(ref commands, 0);
        Volatile.Write(ref rows, 0);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Command();
        return Counted(eventData, result);
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Command();
        return ValueTask.FromResult(Counted(eventData, result));
    }

    // Rows are counted for queries; a save's reader goes back as the provider made it (Npgsql reads
    // each statement's result from its own reader type).
    private DbDataReader Counted(CommandEventData eventData, DbDataReader result) =>
        eventData.CommandSource == CommandSource.LinqQuery ? new CountingReader(result, this) : result;

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Command();
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Command();
        return ValueTask.FromResult(result);
    }

    private void Read() => Interlocked.Increment(ref rows);

    /// <summary>The provider's reader, counting each row read.</summary>
    private sealed class CountingReader(DbDataReader inner, QueryCounter counter) : DbDataReader
    {
        public override bool Read()
        {
            var more = inner.Read();
            if (more) counter.Read();
            return more;
        }

        public override async Task<bool> ReadAsync(CancellationToken cancellationToken)
        {
            var more = await inner.ReadAsync(cancellationToken);
            if (more) counter.Read();
            return more;
        }

        public override object this[int ordinal] => inner[ordinal];
        public override object this[string name] => inner[name];
        public override int Depth => inner.Depth;
        public override int FieldCount => inner.FieldCount;
        public override bool HasRows => inner.HasRows;
        public override bool IsClosed => inner.IsClosed;
        public override int RecordsAffected => inner.RecordsAffected;
        public override int VisibleFieldCount => inner.VisibleFieldCount;
        public override bool GetBoolean(int ordinal) => inner.GetBoolean(ordinal);
        public override byte GetByte(int ordinal) => inner.GetByte(ordinal);
        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => inner.GetBytes(ordinal, dataOffset, buffer, bufferOffset, length);
        public override char GetChar(int ordinal) => inner.GetChar(ordinal);
        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => inner.GetChars(ordinal, dataOffset, buffer, bufferOffset, length);
        public override string GetDataTypeName(int ordinal) => inner.GetDataTypeName(ordinal);
        public override DateTime GetDateTime(int ordinal) => inner.GetDateTime(ordinal);
        public override decimal GetDecimal(int ordinal) => inner.GetDecimal(ordinal);
        public override double GetDouble(int ordinal) => inner.GetDouble(ordinal);
        public override Type GetFieldType(int ordinal) => inner.GetFieldType(ordinal);
        public override T GetFieldValue<T>(int ordinal) => inner.GetFieldValue<T>(ordinal);
        public override Task<T> GetFieldValueAsync<T>(int ordinal, CancellationToken cancellationToken) => inner.GetFieldValueAsync<T>(ordinal, cancellationToken);
        public override float GetFloat(int ordinal) => inner.GetFloat(ordinal);
        public override Guid GetGuid(int ordinal) => inner.GetGuid(ordinal);
        public override short GetInt16(int ordinal) => inner.GetInt16(ordinal);
        public override int GetInt32(int ordinal) => inner.GetInt32(ordinal);
        public override long GetInt64(int ordinal) => inner.GetInt64(ordinal);
        public override string GetName(int ordinal) => inner.GetName(ordinal);
        public override int GetOrdinal(string name) => inner.GetOrdinal(name);
        public override string GetString(int ordinal) => inner.GetString(ordinal);
        public override object GetValue(int ordinal) => inner.GetValue(ordinal);
        public override int GetValues(object[] values) => inner.GetValues(values);
        public override bool IsDBNull(int ordinal) => inner.IsDBNull(ordinal);
        public override Task<bool> IsDBNullAsync(int ordinal, CancellationToken cancellationToken) => inner.IsDBNullAsync(ordinal, cancellationToken);
        public override bool NextResult() => inner.NextResult();
        public override Task<bool> NextResultAsync(CancellationToken cancellationToken) => inner.NextResultAsync(cancellationToken);
        public override DataTable? GetSchemaTable() => inner.GetSchemaTable();
        public override IEnumerator GetEnumerator() => ((IEnumerable)inner).GetEnumerator();
        public override void Close() => inner.Close();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
