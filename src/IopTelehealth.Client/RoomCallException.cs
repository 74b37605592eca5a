using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;

namespace IopTelehealth.Client;

/// <summary>A refused hub call, with the protocol's stable error code (docs/room-protocol.md) and the human text.</summary>
public sealed partial class RoomCallException : Exception
{
    public RoomCallException(string code, string message, Exception? inner = null) : base(message, inner) => Code = code;

    public RoomCallException() : this("unknown", "The call failed.") { }

    public RoomCallException(string message) : this("unknown", message) { }

    public RoomCallException(string message, Exception innerException) : this("unknown", message, innerException) { }

    public string Code { get; } = "unknown";

    /// <summary>
    /// SignalR hands a hub error over as "An unexpected error occurred invoking 'X' on the server. HubException: code: text".
    /// Arguments that do not bind (wrong JSON or MessagePack types, wrong count, a string that is not a uuid) are refused
    /// by SignalR before the server's code runs, as "Failed to invoke 'X' due to an error on the server." with nothing
    /// after it (the server sends no exception details): those count as invalid-argument.
    /// </summary>
    public static RoomCallException From(HubException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var match = CodePattern().Match(error.Message);
        if (match.Success)
        {
            return new RoomCallException(match.Groups["code"].Value, match.Groups["text"].Value, error);
        }

        var code = BindingFailurePattern().IsMatch(error.Message)
            || error.Message.Contains("Error binding arguments", StringComparison.Ordinal)
            || error.Message.Contains("due to an error on the server. InvalidDataException", StringComparison.Ordinal)
            ? "invalid-argument"
            : "unknown";
        return new RoomCallException(code, error.Message, error);
    }

    [GeneratedRegex(@"(?:HubException: |^)(?<code>[a-z]+(?:-[a-z]+)*): (?<text>.*)$", RegexOptions.Singleline)]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^Failed to invoke '[^']+' due to an error on the server\.$")]
    private static partial Regex BindingFailurePattern();
}
