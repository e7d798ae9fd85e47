import { describe, identityOf } from '../../model/observed.ts';
import { frameworkRuntimeOwn } from '../framework-fields.ts';
import { relationInvariant, Violation } from './relation.ts';

export const controllerFresh = relationInvariant(
  {
    id: 'channel.controller.fresh',
    roles: ['runtime'],
    rule: 'The clone has an interrupt controller, and it is not the source\'s controller object. Wherever the source holds an object in a framework field of role runtime, the clone holds one of its own.',
    rationale: 'The interrupt controller is how a gateway stops one conversation. A clone with none cannot be stopped; a clone holding its source\'s controller is stopped whenever the source is, and stops it in turn.',
  },
  (source, clone, scope) => {
    const controller = clone.fields.interruptController;
    if (identityOf(controller) === undefined) {
      return new Violation(`clone.interruptController = ${describe(controller)}`, 'an interrupt controller of the clone\'s own');
    }
    if (identityOf(controller) === identityOf(source.fields.interruptController)) {
      return new Violation('clone.interruptController is the source\'s controller object', 'a fresh interrupt controller');
    }
    return frameworkRuntimeOwn(source, clone, scope, 'clone');
  },
  ['interruptController', 'framework'],
);
