using IopTelehealth.Client;
using Microsoft.AspNetCore.Components;

namespace IopTelehealth.Web.Client.Components;

/// <summary>
/// A part of the room page: reads the room from <see cref="Room"/> and calls the hub through <see cref="CallAsync"/>,
/// which turns a refusal into friendly text (<see cref="CallProblem"/>) instead of an exception in the page.
/// </summary>
public abstract class RoomComponentBase : ComponentBase
{
    [Parameter, EditorRequired] public IRoomConnection Room { get; set; } = default!;

    protected IRoomState State => Room.State;

    /// <summary>Why the last call failed, for people; null after a call that went through.</summary>
    protected string? CallProblem { get; private set; }

    /// <summary>True while a call is on its way (buttons disable themselves so a double tap sends once).</summary>
    protected bool Busy { get; private set; }

    protected async Task<bool> CallAsync(Func<IRoomConnection, Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        CallProblem = null;
        Busy = true;
        try
        {
            await call(Room);
            return true;
        }
        catch (RoomCallException e)
        {
            CallProblem = RoomMessages.For(e.Code, e.Message);
            return false;
        }
#pragma warning disable CA1031 // A dropped connection (any transport error) is shown to the person, never thrown into the page.
        catch (Exception)
#pragma warning restore CA1031
        {
            CallProblem = RoomMessages.ConnectionFailed;
            return false;
        }
        finally
        {
            Busy = false;
        }
    }
}
