using IopTelehealth.Server.Hosting;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace IopTelehealth.Server.Tests.Hosting;

/// <summary>
/// Whoever logs an exception (our code, EF Core, ASP.NET Core), the server's console log holds its types, never its message
/// (data) or its stack trace.
/// </summary>
public sealed class SafeLogFormatTests
{
    [Fact]
    public void An_exception_is_written_as_its_type_chain_without_message_or_stack_trace()
    {
        var thrown = Thrown(() => throw new DbUpdateException("UNIQUE constraint failed: 555-0100 Pat Thompson",
            new SqliteException("SQLite Error 19: 'UNIQUE constraint failed'", 19)));

        var line = Write(LogLevel.Error, "Microsoft.EntityFrameworkCore.Update", 10000, "An exception occurred while saving changes.", thrown);

        Assert.Equal("fail: Microsoft.EntityFrameworkCore.Update[10000] An exception occurred while saving changes. (DbUpdateException → SqliteException)" +
            Environment.NewLine, line);
        Assert.NotNull(thrown.StackTrace);
    }

    [Fact]
    public void A_message_without_an_exception_is_written_as_it_is()
    {
        Assert.Equal("warn: IopTelehealth.Rooms[3002] Room sweep is late" + Environment.NewLine,
            Write(LogLevel.Warning, "IopTelehealth.Rooms", 3002, "Room sweep is late", null));
    }

    [Fact]
    public async Task The_server_writes_its_console_log_in_this_format()
    {
        await using var server = new IopServer();

        Assert.Equal(SafeConsoleFormatter.FormatterName, server.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        Assert.Contains(server.Services.GetServices<ConsoleFormatter>(), f => f is SafeConsoleFormatter);
    }

    private static string Write(LogLevel level, string category, int eventId, string message, Exception? exception)
    {
        using var writer = new StringWriter();
        new SafeConsoleFormatter().Write(new LogEntry<string>(level, category, new EventId(eventId), message, exception, (m, _) => m), null, writer);
        return writer.ToString();
    }

    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            return e;
        }

        throw new InvalidOperationException("nothing was thrown");
    }
}
