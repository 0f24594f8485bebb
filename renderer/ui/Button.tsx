import type { ComponentProps } from 'react';

type ButtonProps = ComponentProps<'button'> & {
  /** primary: the one main action of a page; secondary: everything else; link: reads as a link. */
  variant?: 'primary' | 'secondary' | 'link';
};

export function Button({
  variant = 'secondary',
  type = 'button',
  className,
  ...rest
}: ButtonProps) {
  const classes = ['button', `button--${variant}`, className].filter(Boolean).join(' ');
  return <button type={type} className={classes} {...rest} />;
}
