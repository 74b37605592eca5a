using System.Data.Common;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace IopTelehealth.Server.Hosting;

/// <summary>
/// The console log format of every environment: level, category, event id and the message, and of an exception only its
/// types (outer → inner) and a database's SQL state. An exception's message can carry data (a constraint's values, a
/// patient's address in a validation message) and its stack trace is no operator's business, so neither is written, also
/// when a framework (EF Core, ASP.NET Core) logs the exception itself.
/// </summary>
internal sealed class SafeConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "iop";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, null);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var line = new StringBuilder()
            .Append(Level(logEntry.LogLevel)).Append(": ").Append(logEntry.Category).Append('[').Append(logEntry.EventId.Id).Append("] ")
            .Append(message);
        if (logEntry.Exception is { } exception)
        {
            line.Append(" (").Append(Describe(exception)).Append(')');
        }

        textWriter.WriteLine(line.ToString());
    }

    /// <summary>The exception's type chain, e.g. "DbUpdateException → SqliteException".</summary>
    private static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (Exception? e = exception; e is not null && parts.Count < 5; e = e.InnerException)
        {
            parts.Add(e is DbException { SqlState: { Length: > 0 } state } ? $"{e.GetType().Name} {state}" : e.GetType().Name);
        }

        return string.Join(" → ", parts);
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
