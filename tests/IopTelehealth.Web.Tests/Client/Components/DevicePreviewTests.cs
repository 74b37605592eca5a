using Bunit;
using IopTelehealth.Web.Client.Components;
using IopTelehealth.Web.Client.Media;
using IopTelehealth.Web.Tests.Fakes;
using Microsoft.JSInterop;

namespace IopTelehealth.Web.Tests.Client.Components;

public sealed class DevicePreviewTests : WebTestContext
{
    private readonly BunitJSModuleInterop _media;
    private readonly MediaChoices _choices = new();

    public DevicePreviewTests() => _media = JSInterop.SetUpMedia();

    private IRenderedComponent<DevicePreview> RenderPreview() => Render<DevicePreview>(p => p.Add(c => c.Choices, _choices));

    [Fact]
    public void Starts_the_preview_on_the_video_and_meter_and_lists_the_devices()
    {
        var cut = RenderPreview();

        var start = Assert.Single(_media.Invocations["startPreview"]);
        Assert.IsType<Microsoft.AspNetCore.Components.ElementReference>(start.Arguments[0]);
        Assert.IsType<Microsoft.AspNetCore.Components.ElementReference>(start.Arguments[1]);
        Assert.Equal([null, null, false], start.Arguments.Skip(2));
        Assert.Equal(["Built-in camera", "USB camera"], cut.FindAll("#camera-select option").Select(o => o.TextContent));
        Assert.Equal(["Built-in microphone", "Headset microphone"], cut.FindAll("#mic-select option").Select(o => o.TextContent));
        Assert.Equal("0", cut.Find("meter#mic-level").GetAttribute("value"));
        Assert.Equal(("mic-1", "cam-1"), (_choices.AudioDeviceId, _choices.VideoDeviceId));
    }

    [Fact]
    public void Choosing_another_camera_restarts_the_preview_with_it()
    {
        var cut = RenderPreview();

        cut.Find("#camera-select").Change("cam-2");

        Assert.Equal(2, _media.Invocations["startPreview"].Count);
        Assert.Equal("cam-2", _media.Invocations["startPreview"][1].Arguments[3]);
    }

    [Fact]
    public void Choosing_another_microphone_restarts_the_preview_with_it()
    {
        var cut = RenderPreview();

        cut.Find("#mic-select").Change("mic-2");

        Assert.Equal("mic-2", _media.Invocations["startPreview"][1].Arguments[2]);
    }

    [Fact]
    public void Audio_only_hides_the_camera_and_restarts_without_it()
    {
        var cut = RenderPreview();

        cut.Find("#audio-only").Change(true);

        Assert.True(_choices.AudioOnly);
        Assert.Equal(true, _media.Invocations["startPreview"][1].Arguments[4]);
        Assert.True(cut.Find("video.preview-video").HasAttribute("hidden"));
        Assert.True(cut.Find("#camera-select").HasAttribute("disabled"));
    }

    [Fact]
    public void Denied_devices_say_how_to_fix_it_and_still_let_the_person_join()
    {
        JSInterop.Mode = JSRuntimeMode.Strict;
        var module = JSInterop.SetupModule(MediaModule.Path);
        module.Setup<DeviceList>("startPreview", _ => true).SetException(new JSException("NotAllowedError: Permission denied"));
        module.SetupVoid("stopPreview").SetVoidResult();

        var cut = RenderPreview();

        Assert.StartsWith("We could not use your camera or microphone.", cut.Find(".device-problem").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#camera-select"));
    }

    [Fact]
    public async Task Leaving_the_form_turns_the_camera_off()
    {
        RenderPreview();

        await DisposeComponentsAsync();

        Assert.Single(_media.Invocations["stopPreview"]);
    }
}
