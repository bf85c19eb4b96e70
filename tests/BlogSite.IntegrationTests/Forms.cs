using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace BlogSite.IntegrationTests;

/// <summary>Posting forms as a browser does: the antiforgery token comes from the page's own form.</summary>
public static class Forms
{
    /// <summary>GETs <paramref name="path"/>, fills the form matching <paramref name="selector"/> and submits it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string path, string selector,
        IReadOnlyDictionary<string, string> values, string? submitName = null)
    {
        var page = await BlogFactory.ParseAsync(await client.GetAsync(path));
        var form = page.QuerySelector(selector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{selector}' on {path}");
        return await PostAsync(client, form, values, submitName, path);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, IHtmlFormElement form,
        IReadOnlyDictionary<string, string> values, string? submitName = null, string? path = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var (name, value, include) = element switch
            {
                IHtmlInputElement input => (input.Name, input.Value, input.Type is not ("checkbox" or "radio") || input.IsChecked),
                IHtmlTextAreaElement area => (area.Name, area.Value, true),
                IHtmlSelectElement select => (select.Name, select.Value, true),
                _ => (null, "", false),
            };
            if (include && name is { Length: > 0 } && !values.ContainsKey(name))
            {
                fields.Add(new(name, value ?? ""));
            }
        }

        fields.AddRange(values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value)));
        if (submitName is not null)
        {
            // "intent=preview" presses the button with that name and value; a bare name presses the first such button.
            var parts = submitName.Split('=', 2);
            fields.Add(parts.Length == 2 ? new(parts[0], parts[1])
                : new(submitName, (form.QuerySelector($"button[name='{submitName}']") as IHtmlButtonElement)?.Value ?? ""));
        }

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? path ?? "/" : WebUtility.HtmlDecode(action);
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// What a screen reader hears for a refused field: asserts the field named <paramref name="name"/> is
    /// aria-invalid and returns the text of the elements its aria-describedby points to (hints, then the error).
    /// </summary>
    public static string DescriptionOfInvalid(IDocument page, string name)
    {
        var field = page.QuerySelector($"[name='{name}']") ?? throw new InvalidOperationException($"No field named {name}");
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        var ids = (field.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(ids);
        return string.Join(" ", ids.Select(id =>
            page.GetElementById(id)?.TextContent.Trim() ?? throw new InvalidOperationException($"{name} points to a missing #{id}")));
    }
}
