// Small line icons for the directory pages. They sit next to words and never replace them, so
// screen readers skip them.
import type { ReactNode } from 'react';
import type { ReferralChannel } from '../api/directory';

function Icon(props: { children: ReactNode; size?: number }) {
  const size = props.size ?? 16;
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      style={{ flexShrink: 0 }}
    >
      {props.children}
    </svg>
  );
}

export function KithIcon() {
  return (
    <Icon>
      <path d="M4 12h12" />
      <path d="M12 6l6 6-6 6" />
      <path d="M20 5v14" />
    </Icon>
  );
}

export function EmailIcon() {
  return (
    <Icon>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="M3 7l9 6 9-6" />
    </Icon>
  );
}

export function PhoneIcon() {
  return (
    <Icon>
      <path d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2" />
    </Icon>
  );
}

export function FaxIcon() {
  return (
    <Icon>
      <path d="M7 9V3h10v6" />
      <rect x="3" y="9" width="18" height="9" rx="2" />
      <path d="M7 14h10v7H7z" />
    </Icon>
  );
}

export function WalkInIcon() {
  return (
    <Icon>
      <circle cx="13" cy="4" r="2" />
      <path d="M9 21l2-6 3 3v3" />
      <path d="M11 15l1-6 3 3 3 1" />
      <path d="M12 9l-4 2-1 3" />
    </Icon>
  );
}

export function PlaceIcon() {
  return (
    <Icon>
      <path d="M12 21s-7-6.2-7-11a7 7 0 0 1 14 0c0 4.8-7 11-7 11z" />
      <circle cx="12" cy="10" r="2.5" />
    </Icon>
  );
}

export function ClockIcon() {
  return (
    <Icon>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" />
    </Icon>
  );
}

export function SpeechIcon() {
  return (
    <Icon>
      <path d="M4 5h16v11H9l-5 4z" />
    </Icon>
  );
}

export function WebIcon() {
  return (
    <Icon>
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18" />
      <path d="M12 3a14 14 0 0 1 0 18a14 14 0 0 1 0-18" />
    </Icon>
  );
}

export const referralIcons: Record<ReferralChannel, () => ReactNode> = {
  kith: KithIcon,
  email: EmailIcon,
  phone: PhoneIcon,
  fax: FaxIcon,
  walk_in: WalkInIcon,
};
