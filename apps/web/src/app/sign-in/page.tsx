import { Center } from "@mantine/core";
import type { Metadata } from "next";
import { Suspense } from "react";
import { SignInForm } from "~/components/auth/SignInForm";

export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Suspense>
        <SignInForm />
      </Suspense>
    </Center>
  );
}
