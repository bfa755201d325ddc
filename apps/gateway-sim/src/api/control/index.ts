// The control API's route table: the floor's controls and the gateway's.
import { FLOOR_CONTROLS } from './floor-controls';
import { GATEWAY_CONTROLS } from './gateway-controls';
import { controlHandler } from './router';

export const handleControl = controlHandler([...FLOOR_CONTROLS, ...GATEWAY_CONTROLS]);
