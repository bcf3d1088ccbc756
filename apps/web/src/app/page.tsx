import { HomeRedirect } from "~/components/shell/HomeRedirect";

export default function HomePage() {
  return <HomeRedirect />;
}
