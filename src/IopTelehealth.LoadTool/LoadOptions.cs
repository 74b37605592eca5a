using System.Globalization;

namespace IopTelehealth.LoadTool;

/// <summary>Command line of the load tool (see <see cref="Usage"/>).</summary>
internal sealed record LoadOptions
{
    public const string Usage = """
        IopTelehealth load tool: N rooms x M participants over real WebSockets with real tokens, and a raw Kestrel
        WebSocket broadcast baseline of the same shape in the same run.

          --server <url>            hub server (default http://127.0.0.1:5080), seeded with Demo:LoadTestRooms >= rooms
          --server-pid <pid>        the hub server's process, for CPU and memory (/proc); without it no server figures
          --redis-pid <pid>         redis-server's process when the hub keeps rooms in Redis: its CPU is reported too
          --rooms <n>               rooms (default 150)
          --per-room <n>            participants per room: 1 therapist + n-1 patients (default 14)
          --chat-interval <t>       each participant sends a group chat line this often (default 5s)
          --hand-interval <t>       each participant raises or lowers the hand this often (default 15s; 0 = never)
          --heartbeat-interval <t>  presence heartbeat (default 5s, as the protocol asks)
          --duration <t>            measured steady state (default 60s)
          --warmup <t>              steady state before measuring (default 5s)
          --join-rate <n>           joins per second during the ramp (default 100)
          --connect-parallelism <n> concurrent WebSocket connects (default 32)
          --signin-parallelism <n>  concurrent sign-ins (default 8)
          --chat-bytes <n>          characters per chat line (default 100)
          --protocol json|messagepack  hub protocol (default json; the baseline is always JSON)
          --token-cache <file>      where tokens are kept between runs (default: temp folder, per server)
          --baseline-port <port>    port of the baseline server (default 5090); --no-baseline skips it
          --baseline-first          run the baseline before the hub (default: hub first)
          --skip-hub                only the baseline
          --baseline-server --port <port>  (internal) run as the baseline server
        Times: 500ms, 5s, 2m.
        """;

    public Uri Server { get; init; } = new("http://127.0.0.1:5080/");

    public int? ServerPid { get; init; }

    public int? RedisPid { get; init; }

    public int Rooms { get; init; } = 150;

    public int PerRoom { get; init; } = 14;

    public TimeSpan ChatInterval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan HandInterval { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    public int JoinRate { get; init; } = 100;

    public int ConnectParallelism { get; init; } = 32;

    public int SignInParallelism { get; init; } = 8;

    public int ChatBytes { get; init; } = 100;

    public bool MessagePack { get; init; }

    public string? TokenCache { get; init; }

    public int BaselinePort { get; init; } = 5090;

    public bool Baseline { get; init; } = true;

    public bool BaselineFirst { get; init; }

    public bool Hub { get; init; } = true;

    public bool BaselineServerMode { get; init; }

    public int Port { get; init; }

    public int Participants => Rooms * PerRoom;

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--server" => options with { Server = new Uri(Value().TrimEnd('/') + "/") },
                "--server-pid" => options with { ServerPid = Int(Value()) },
                "--redis-pid" => options with { RedisPid = Int(Value()) },
                "--rooms" => options with { Rooms = Int(Value()) },
                "--per-room" => options with { PerRoom = Int(Value()) },
                "--chat-interval" => options with { ChatInterval = Time(Value()) },
                "--hand-interval" => options with { HandInterval = Time(Value()) },
                "--heartbeat-interval" => options with { HeartbeatInterval = Time(Value()) },
                "--duration" => options with { Duration = Time(Value()) },
                "--warmup" => options with { Warmup = Time(Value()) },
                "--join-rate" => options with { JoinRate = Int(Value()) },
                "--connect-parallelism" => options with { ConnectParallelism = Int(Value()) },
                "--signin-parallelism" => options with { SignInParallelism = Int(Value()) },
                "--chat-bytes" => options with { ChatBytes = Int(Value()) },
                "--protocol" => options with { MessagePack = Value() switch { "json" => false, "messagepack" => true, var p => throw new ArgumentException($"Unknown protocol {p}.") } },
                "--token-cache" => options with { TokenCache = Value() },
                "--baseline-port" => options with { BaselinePort = Int(Value()) },
                "--no-baseline" => options with { Baseline = false },
                "--baseline-first" => options with { BaselineFirst = true },
                "--skip-hub" => options with { Hub = false },
                "--baseline-server" => options with { BaselineServerMode = true },
                "--port" => options with { Port = Int(Value()) },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        if (options.Rooms < 1 || options.PerRoom < 2 || options.ChatInterval <= TimeSpan.Zero || options.JoinRate < 1 || options.ChatBytes < 40)
        {
            throw new ArgumentException("Need rooms >= 1, per-room >= 2, a positive chat interval and join rate, chat-bytes >= 40.");
        }

        return options;
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    /// <summary>"500ms", "5s", "2m" or a plain number of seconds.</summary>
    public static TimeSpan Time(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.EndsWith("ms", StringComparison.Ordinal))
        {
            return TimeSpan.FromMilliseconds(double.Parse(value[..^2], CultureInfo.InvariantCulture));
        }

        return value[^1] switch
        {
            's' => TimeSpan.FromSeconds(double.Parse(value[..^1], CultureInfo.InvariantCulture)),
            'm' => TimeSpan.FromMinutes(double.Parse(value[..^1], CultureInfo.InvariantCulture)),
            _ => TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)),
        };
    }
}
