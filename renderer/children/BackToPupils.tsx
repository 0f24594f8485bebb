import { useLantern } from '../store';
import { Button } from '../ui/Button';

export function BackToPupils() {
  const navigate = useLantern((s) => s.navigate);
  return (
    <Button
      variant="link"
      className="back-link"
      onClick={() => {
        navigate({ page: 'pupils' });
      }}
    >
      Back to pupils
    </Button>
  );
}
