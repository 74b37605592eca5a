using Bunit;
using IopTelehealth.Web.Client.Media;

namespace IopTelehealth.Web.Tests.Fakes;

/// <summary>
/// media.js on bUnit's strict JS interop: every call the media components make is set up here explicitly (an unexpected
/// call fails the test), answering like the module does, and the invocations stay readable for assertions.
/// </summary>
public static class MediaInterop
{
    public static readonly DeviceList Devices = new(
        [new MediaDevice("mic-1", "Built-in microphone"), new MediaDevice("mic-2", "Headset microphone")],
        [new MediaDevice("cam-1", "Built-in camera"), new MediaDevice("cam-2", "USB camera")],
        "mic-1", "cam-1");

    public static BunitJSModuleInterop SetUpMedia(this BunitJSInterop js, bool screenPicked = true)
    {
        ArgumentNullException.ThrowIfNull(js);
        var module = js.SetupModule(MediaModule.Path);
        module.Setup<DeviceList>("startPreview", _ => true).SetResult(Devices);
        module.SetupVoid("stopPreview").SetVoidResult();
        foreach (var call in new[] { "join", "attach", "participants", "setLocal", "render", "signal", "feedsChanged", "mediaRestart", "resumed", "setAudioOnly", "leave" })
        {
            module.SetupVoid(call, _ => true).SetVoidResult();
        }

        module.Setup<bool>("shareScreen", i => i.Arguments[0] is true).SetResult(screenPicked);
        module.Setup<bool>("shareScreen", i => i.Arguments[0] is false).SetResult(false);
        return module;
    }

    /// <summary>The calls made on the module, by name, in order ("join", "render", ...).</summary>
    public static List<string> Calls(this BunitJSModuleInterop module) =>
        [.. module.Invocations.Select(i => i.Identifier)];
}
