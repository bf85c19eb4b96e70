using System.Net;
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
        foreach (var input in form.Elements.OfType<IHtmlInputElement>())
        {
            if (input.Name is { Length: > 0 } name && !values.ContainsKey(name)
                && (input.Type is not ("checkbox" or "radio") || input.IsChecked))
            {
                fields.Add(new(name, input.Value));
            }
        }

        fields.AddRange(values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value)));
        if (submitName is not null)
        {
            var button = form.QuerySelector($"button[name='{submitName}']") as IHtmlButtonElement;
            fields.Add(new(submitName, button?.Value ?? ""));
        }

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? path ?? "/" : WebUtility.HtmlDecode(action);
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }
}
