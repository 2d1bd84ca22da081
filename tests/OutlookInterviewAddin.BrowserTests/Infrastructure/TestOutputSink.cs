using Microsoft.Extensions.Logging;

namespace OutlookInterviewAddin.BrowserTests.Infrastructure;

/// <summary>
/// Sends the host's logs and the browser's console to the output of whichever test is running.
/// The host and the browser outlive a single test, so each test points the sink at its own output.
/// </summary>
public sealed class TestOutputSink
{
    private ITestOutputHelper? output;

    public ITestOutputHelper? Output
    {
        get => Volatile.Read(ref output);
        set => Volatile.Write(ref output, value);
    }

    public void WriteLine(string message)
    {
        try
        {
            Output?.WriteLine(message);
        }
        catch (InvalidOperationException)
        {
            // The test that owned the output has finished; a late log line has nowhere to go.
        }
    }
}

public sealed class TestOutputLoggerProvider(TestOutputSink sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new TestOutputLogger(sink, categoryName);

    public void Dispose()
    {
    }

    private sealed class TestOutputLogger(TestOutputSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            sink.WriteLine($"[host {logLevel}] {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
        }
    }
}
