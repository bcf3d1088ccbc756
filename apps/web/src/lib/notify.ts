import { errorMessage } from "./errors";

// @mantine/notifications is loaded on first use (with its container, see LazyNotifications), so it
// is not part of any page's first-load JavaScript.
type Options = { color: string; title?: string; message: string; withBorder: true; autoClose?: number };

function show(options: Options) {
  void import("@mantine/notifications").then(({ notifications }) => notifications.show(options));
}

export function notifySuccess(message: string, title?: string) {
  show({ color: "green", title, message, withBorder: true });
}

export function notifyError(error: unknown, title = "Action failed") {
  show({
    color: "red",
    title,
    message: typeof error === "string" ? error : errorMessage(error),
    withBorder: true,
    autoClose: 8000,
  });
}
