import { notifications } from "@mantine/notifications";
import { errorMessage } from "./errors";

export function notifySuccess(message: string, title?: string) {
  notifications.show({ color: "green", title, message, withBorder: true });
}

export function notifyError(error: unknown, title = "Action failed") {
  notifications.show({ color: "red", title, message: typeof error === "string" ? error : errorMessage(error), withBorder: true, autoClose: 8000 });
}
